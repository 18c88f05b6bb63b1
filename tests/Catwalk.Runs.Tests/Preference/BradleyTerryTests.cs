using Catwalk.Runs.Preference;
using Catwalk.Store;

namespace Catwalk.Runs.Tests.Preference;

public class BradleyTerryTests
{
    private static IEnumerable<Comparison> Repeat(int times, string left, string right, string outcome) =>
        Enumerable.Range(0, times).Select(i => i % 2 == 0 ? new Comparison(left, right, outcome) : new Comparison(right, left, Flip(outcome)));

    private static string Flip(string outcome) => outcome switch { VoteOutcome.Left => VoteOutcome.Right, VoteOutcome.Right => VoteOutcome.Left, _ => outcome };

    [Fact]
    public void A_always_beats_B_and_B_always_beats_C_ranks_A_B_C_with_separated_intervals()
    {
        List<Comparison> votes = [.. Repeat(15, "a", "b", VoteOutcome.Left), .. Repeat(15, "b", "c", VoteOutcome.Left)];
        var ranking = BradleyTerry.Rank(votes);

        ranking.Ratings.Select(r => r.Model).ShouldBe(["a", "b", "c"]);
        ranking.Votes.ShouldBe(30);
        var (a, b, c) = (ranking.Ratings[0], ranking.Ratings[1], ranking.Ratings[2]);
        foreach (var r in ranking.Ratings) r.Rating.ShouldBeInRange(r.Lower, r.Upper);
        a.Lower.ShouldBeGreaterThan(b.Rating);
        c.Upper.ShouldBeLessThan(b.Rating);
        (a.Votes, a.Wins, a.Losses, b.Votes, b.Wins, b.Losses, c.Losses).ShouldBe((15, 15, 0, 30, 15, 15, 15));
        var i = ranking.Models.ToList();
        ranking.WinRate[i.IndexOf("a")][i.IndexOf("b")].ShouldBe(1.0);
        ranking.WinRate[i.IndexOf("c")][i.IndexOf("b")].ShouldBe(0.0);
        ranking.WinRate[i.IndexOf("a")][i.IndexOf("c")].ShouldBeNull();
    }

    [Fact]
    public void Votes_drawn_from_known_strengths_recover_the_order_and_the_intervals_hold_the_truth()
    {
        var truth = new Dictionary<string, double> { ["veo3"] = 1300, ["kling"] = 1100, ["luma"] = 950, ["pika"] = 650 }; // geometric mean 1000
        var random = new Random(7);
        var models = truth.Keys.ToList();
        var votes = new List<Comparison>();
        for (var k = 0; k < 3000; k++)
        {
            var l = models[random.Next(models.Count)];
            var r = models[random.Next(models.Count)];
            if (l == r) continue;
            var pLeft = 1 / (1 + Math.Pow(10, (truth[r] - truth[l]) / 400));
            votes.Add(new Comparison(l, r, random.NextDouble() < pLeft ? VoteOutcome.Left : VoteOutcome.Right));
        }
        var ranking = BradleyTerry.Rank(votes, resamples: 300);
        ranking.Ratings.Select(r => r.Model).ShouldBe(["veo3", "kling", "luma", "pika"]);
        foreach (var rating in ranking.Ratings)
        {
            truth[rating.Model].ShouldBeInRange(rating.Lower, rating.Upper, rating.Model);
            (rating.Upper - rating.Lower).ShouldBeLessThan(150);
        }
    }

    [Fact]
    public void Ties_count_half_and_both_bad_votes_are_left_out_of_the_fit()
    {
        var ranking = BradleyTerry.Rank([.. Repeat(10, "a", "b", VoteOutcome.Tie), .. Repeat(6, "a", "b", VoteOutcome.BothBad)], resamples: 50);
        var a = ranking.Ratings.Single(r => r.Model == "a");
        var b = ranking.Ratings.Single(r => r.Model == "b");
        a.Rating.ShouldBe(1000, 1e-6);
        b.Rating.ShouldBe(1000, 1e-6);
        (a.Votes, a.Ties, a.BothBad).ShouldBe((16, 10, 6));
        ranking.WinRate[0][1].ShouldBe(0.5);

        // Both-bad votes change nothing: the same wins with or without them give the same ratings.
        List<Comparison> wins = [.. Repeat(8, "a", "b", VoteOutcome.Left), .. Repeat(2, "a", "b", VoteOutcome.Right)];
        var with = BradleyTerry.Rank([.. wins, .. Repeat(20, "a", "b", VoteOutcome.BothBad)], resamples: 0);
        var without = BradleyTerry.Rank(wins, resamples: 0);
        with.Ratings[0].Rating.ShouldBe(without.Ratings[0].Rating, 1e-9);
    }

    [Fact]
    public void The_bootstrap_is_seeded_so_intervals_repeat()
    {
        List<Comparison> votes = [.. Repeat(7, "a", "b", VoteOutcome.Left), .. Repeat(3, "a", "b", VoteOutcome.Right), .. Repeat(4, "b", "c", VoteOutcome.Tie)];
        BradleyTerry.Rank(votes).Ratings.ShouldBe(BradleyTerry.Rank(votes).Ratings);
        BradleyTerry.Rank(votes, seed: 1).Ratings.ShouldNotBe(BradleyTerry.Rank(votes, seed: 2).Ratings);
    }

    [Fact]
    public void The_intervals_are_those_of_refitting_each_resample_of_the_votes_themselves()
    {
        // The ranking draws its resamples as counts per (left, right, outcome); this draws the same indices from the
        // same seed, refits each resampled list of votes from scratch, and takes the same percentiles.
        var random = new Random(11);
        string[] models = ["a", "b", "c", "d"];
        string[] outcomes = [VoteOutcome.Left, VoteOutcome.Left, VoteOutcome.Right, VoteOutcome.Tie, VoteOutcome.BothBad];
        var votes = Enumerable.Range(0, 400).Select(_ =>
        {
            var l = random.Next(4);
            var r = (l + 1 + random.Next(3)) % 4;
            return new Comparison(models[l], models[r], outcomes[random.Next(outcomes.Length)]);
        }).ToList();
        const int resamples = 60;
        var ranking = BradleyTerry.Rank(votes, resamples, seed: 5);

        var draws = new Random(5);
        var refits = models.ToDictionary(m => m, _ => new List<double>());
        for (var b = 0; b < resamples; b++)
        {
            var resampled = Enumerable.Range(0, votes.Count).Select(_ => votes[draws.Next(votes.Count)]).ToList();
            foreach (var rating in BradleyTerry.Rank(resampled, resamples: 0).Ratings) refits[rating.Model].Add(rating.Rating);
        }
        foreach (var rating in ranking.Ratings)
        {
            var sorted = refits[rating.Model].Order().ToArray();
            sorted.Length.ShouldBe(resamples, "every model is in every resample of 400 votes");
            rating.Lower.ShouldBe(Percentile(sorted, 0.025), 1e-9);
            rating.Upper.ShouldBe(Percentile(sorted, 0.975), 1e-9);
        }
    }

    private static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }

    [Fact]
    public void No_votes_no_ratings_and_a_bad_outcome_is_refused()
    {
        BradleyTerry.Rank([]).Ratings.ShouldBeEmpty();
        Should.Throw<ArgumentException>(() => BradleyTerry.Rank([new Comparison("a", "b", "draw")]));
    }

    [Fact]
    public void The_pareto_front_keeps_models_no_other_beats_on_quality_cost_and_latency()
    {
        var front = ParetoFront.NonDominated(
        [
            new("best", 1200, 0.40, 60),
            new("cheap", 900, 0.05, 40),
            new("fast", 950, 0.20, 10),
            new("worse", 900, 0.30, 50), // cheap beats it on every axis
            new("twin", 900, 0.05, 40),  // equal to cheap: neither dominates
        ]);
        front.Order().ShouldBe(["best", "cheap", "fast", "twin"]);
    }
}
