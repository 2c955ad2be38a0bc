package org.divergencelab.distribution;

import java.util.SplittableRandom;

/** The 2-D normal {@code normal2(mx,my,sx,sy[,rho])} with correlation {@code rho} in (-1, 1). */
public final class Normal2 implements Distribution {
    private final double mx;
    private final double my;
    private final double sx;
    private final double sy;
    private final double rho;
    private final double logNorm;
    private final double sqrtOneMinusRho2;

    public Normal2(double mx, double my, double sx, double sy, double rho) {
        Specs.requireFinite("mx", mx);
        Specs.requireFinite("my", my);
        Specs.requirePositive("sx", sx);
        Specs.requirePositive("sy", sy);
        if (!(rho > -1 && rho < 1)) {
            throw new IllegalArgumentException("normal2 rho must be in (-1, 1), got " + rho);
        }
        this.mx = mx;
        this.my = my;
        this.sx = sx;
        this.sy = sy;
        this.rho = rho;
        this.sqrtOneMinusRho2 = Math.sqrt(1 - rho * rho);
        this.logNorm = -Math.log(2 * Math.PI * sx * sy * sqrtOneMinusRho2);
    }

    public double mx() {
        return mx;
    }

    public double my() {
        return my;
    }

    public double sx() {
        return sx;
    }

    public double sy() {
        return sy;
    }

    public double rho() {
        return rho;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public String spec() {
        return "normal2(" + Specs.fmt(mx) + "," + Specs.fmt(my) + "," + Specs.fmt(sx) + "," + Specs.fmt(sy)
                + (rho != 0 ? "," + Specs.fmt(rho) : "") + ")";
    }

    @Override
    public void sampleInto(SplittableRandom rng, double[] out, int offset) {
        double z1 = Specs.gaussian(rng);
        double z2 = Specs.gaussian(rng);
        out[offset] = mx + sx * z1;
        out[offset + 1] = my + sy * (rho * z1 + sqrtOneMinusRho2 * z2);
    }

    @Override
    public boolean hasDensity() {
        return true;
    }

    @Override
    public double logDensity(double[] x) {
        double u = (x[0] - mx) / sx;
        double v = (x[1] - my) / sy;
        double q = (u * u - 2 * rho * u * v + v * v) / (1 - rho * rho);
        return logNorm - 0.5 * q;
    }

    @Override
    public Parts parts() {
        return Parts.ofDensity(this);
    }

    @Override
    public double[] breakpoints() {
        return bounds();
    }

    @Override
    public double tailScale() {
        return Math.max(sx, sy);
    }

    @Override
    public double[] bounds() {
        // 10 marginal standard deviations: the mass outside is below 1e-22.
        return new double[] {mx - 10 * sx, mx + 10 * sx, my - 10 * sy, my + 10 * sy};
    }
}
