using Catwalk.Domain;

namespace Catwalk.Core.Tests.Domain;

public class PersonAttributesTests
{
    [Fact]
    public void Plausible_values_are_valid() =>
        new PersonAttributes { HeightCm = 175, WeightKg = 70, Age = 28, Gender = Gender.Male }.Validate().ShouldBeEmpty();

    [Fact]
    public void A_900_cm_person_is_refused_with_the_range_and_the_unit()
    {
        var problems = new PersonAttributes { HeightCm = 900 }.Validate();
        problems.ShouldHaveSingleItem().ShouldContain("height 900 cm is outside 50–250 cm");
    }

    [Fact]
    public void Every_bad_value_is_reported_at_once() =>
        new PersonAttributes { HeightCm = 10, WeightKg = 1000, Age = 300 }.Validate().Count.ShouldBe(3);

    [Theory]
    [InlineData("Female", Gender.Female)]
    [InlineData("m", Gender.Male)]
    [InlineData("non-binary", Gender.NonBinary)]
    [InlineData(null, Gender.Unspecified)]
    public void Gender_is_read_leniently(string? text, Gender expected) => PersonAttributes.ParseGender(text).ShouldBe(expected);

    [Fact]
    public void An_unknown_gender_word_is_not_guessed() => PersonAttributes.ParseGender("robot").ShouldBeNull();
}
