namespace Catwalk.Quality.Fashion;

/// <summary>A colour in CIELAB (D65).</summary>
public readonly record struct CieLab(double L, double A, double B)
{
    /// <summary>
    /// CIEDE2000 colour difference (Sharma, Wu and Dalal 2005, with kL = kC = kH = 1): about 1 is just noticeable,
    /// above 10 another colour. Written out because no maintained .NET colour package is served here.
    /// </summary>
    public double DeltaE2000(CieLab other)
    {
        const double Pow25To7 = 6103515625.0;
        static double Deg(double rad) => rad * 180 / Math.PI;
        static double Rad(double deg) => deg * Math.PI / 180;
        var c1 = Math.Sqrt(A * A + B * B);
        var c2 = Math.Sqrt(other.A * other.A + other.B * other.B);
        var cMean7 = Math.Pow((c1 + c2) / 2, 7);
        var g = 0.5 * (1 - Math.Sqrt(cMean7 / (cMean7 + Pow25To7)));
        var a1 = (1 + g) * A;
        var a2 = (1 + g) * other.A;
        var c1p = Math.Sqrt(a1 * a1 + B * B);
        var c2p = Math.Sqrt(a2 * a2 + other.B * other.B);
        double Hue(double b, double a) => a == 0 && b == 0 ? 0 : (Deg(Math.Atan2(b, a)) + 360) % 360;
        var h1 = Hue(B, a1);
        var h2 = Hue(other.B, a2);
        var dL = other.L - L;
        var dC = c2p - c1p;
        double dh;
        if (c1p * c2p == 0) dh = 0;
        else if (Math.Abs(h2 - h1) <= 180) dh = h2 - h1;
        else dh = h2 - h1 > 180 ? h2 - h1 - 360 : h2 - h1 + 360;
        var dH = 2 * Math.Sqrt(c1p * c2p) * Math.Sin(Rad(dh / 2));
        var lMean = (L + other.L) / 2;
        var cMeanP = (c1p + c2p) / 2;
        double hMean;
        if (c1p * c2p == 0) hMean = h1 + h2;
        else if (Math.Abs(h1 - h2) <= 180) hMean = (h1 + h2) / 2;
        else hMean = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
        var t = 1 - 0.17 * Math.Cos(Rad(hMean - 30)) + 0.24 * Math.Cos(Rad(2 * hMean)) + 0.32 * Math.Cos(Rad(3 * hMean + 6)) - 0.20 * Math.Cos(Rad(4 * hMean - 63));
        var dTheta = 30 * Math.Exp(-Math.Pow((hMean - 275) / 25, 2));
        var cMeanP7 = Math.Pow(cMeanP, 7);
        var rc = 2 * Math.Sqrt(cMeanP7 / (cMeanP7 + Pow25To7));
        var l50 = (lMean - 50) * (lMean - 50);
        var sl = 1 + 0.015 * l50 / Math.Sqrt(20 + l50);
        var sc = 1 + 0.045 * cMeanP;
        var sh = 1 + 0.015 * cMeanP * t;
        var rt = -Math.Sin(Rad(2 * dTheta)) * rc;
        return Math.Sqrt(Math.Pow(dL / sl, 2) + Math.Pow(dC / sc, 2) + Math.Pow(dH / sh, 2) + rt * (dC / sc) * (dH / sh));
    }
}
