using Catwalk.SampleArt;

// dotnet run --project tools/Catwalk.SampleArt -- --out assets/samples
var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? "assets/samples";
Directory.CreateDirectory(output);
Painting.Save(Path.Combine(output, "person.png"), PersonPainter.Paint());
Painting.Save(Path.Combine(output, "face.png"), FacePainter.Paint());
Painting.Save(Path.Combine(output, "outfit-top.png"), JacketPainter.Paint());
Painting.Save(Path.Combine(output, "outfit-trousers.png"), TrousersPainter.Paint());
Painting.Save(Path.Combine(output, "outfit-shoes.png"), SneakersPainter.Paint());
Console.WriteLine($"Painted 5 samples into {Path.GetFullPath(output)}");
