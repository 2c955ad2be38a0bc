package org.divergencelab.divergence;

import java.util.Arrays;

/**
 * Exact solver of the transportation problem min Σ c_ij x_ij, Σ_j x_ij = a_i, Σ_i x_ij = b_j, x ≥ 0, on the
 * complete bipartite graph: the primal network simplex method.
 *
 * <p>Why it is fast: (1) the initial basis is a north-west-corner staircase along a caller-chosen order
 * (the W1 caller sorts both clouds along the direction between their means, which is the optimal 1-D
 * coupling of the projections and already close to optimal), not LEMON's artificial big-M basis;
 * (2) pricing scans blocks of about √m arcs row by row with SIMD where the vector module is present ({@link RowMinima}: min over j of c_ij − v_j);
 * (3) the tree is stored with parent, depth and child lists, so a pivot touches only the cycle and the
 * re-hung subtree; (4) uniform weights are scaled to integers (a_i = n2, b_j = n1), so flows are exact;
 * (5) {@link #resolve} warm-starts from the previous optimal basis when only the costs changed (a cloud was
 * dragged): the old basis stays primal feasible and usually needs few pivots.
 *
 * <p>Degeneracy is handled by keeping the tree strongly feasible (zero-flow arcs point away from the root;
 * the initial staircase breaks ties that way, and the leaving-arc rule of Cunningham keeps it), which rules
 * out cycling. An instance keeps its arrays between calls (allocation-light for the 60 fps path) and is not
 * thread-safe: use one per thread.
 */
public final class TransportSimplex {
    private int n1;
    private int n2;
    private double[] cost;
    private double[] supply;
    private double[] demand;
    private double scale;
    private double[] scaledA;
    private double[] scaledB;
    private double eps;
    private long pivots;

    // Tree, indexed by node: supply node i is i, demand node j is n1 + j. The arc to the parent is
    // (child -> parent) when the child is a supply node and (parent -> child) otherwise.
    private int[] parent = new int[0];
    private int[] depth = new int[0];
    private int[] firstChild = new int[0];
    private int[] nextSib = new int[0];
    private int[] prevSib = new int[0];
    private double[] flow = new double[0];
    private double[] pot = new double[0];
    private int[] stack = new int[0];
    private int[] path = new int[0];
    private int root;
    private int nextRow;
    private boolean solved;

    /** Pivots of the last solve (for benchmarks and tests). */
    public long pivots() {
        return pivots;
    }

    /**
     * Solves from a staircase basis. {@code a} and {@code b} are positive and sum to the same total (1 by
     * convention; a zero weight would put a zero-flow arc against the root and break strong feasibility, so
     * drop such points first, as {@link IncrementalW1} does); {@code cost} is row-major n1 × n2 and kept by reference until the next call;
     * {@code orderA}/{@code orderB} are permutations giving the staircase order (null: index order).
     *
     * @return the optimal cost Σ c_ij x_ij
     */
    public double solve(double[] a, double[] b, double[] cost, int[] orderA, int[] orderB) {
        requireMatrix(cost);
        return solveInternal(a, b, cost, orderA, orderB);
    }

    private void requireMatrix(double[] cost) {
        if (cost == null) {
            throw new IllegalArgumentException("cost matrix is null (use solveEuclidean for coordinates)");
        }
        px = null;
        py = null;
        qx = null;
        qy = null;
    }

    private double solveInternal(double[] a, double[] b, double[] cost, int[] orderA, int[] orderB) {
        setUp(a, b, cost);
        staircase(orderA, orderB);
        computePotentials();
        run();
        solved = true;
        return objective();
    }

    /**
     * Like {@link #solve} with Euclidean costs |p_i − q_j| computed on the fly from the coordinates (kept by
     * reference until the next call) instead of a cost matrix: O(n1 + n2) memory, and for large problems
     * faster than streaming an n1 × n2 matrix through memory. {@code warm}: start from the previous basis
     * when the weights are unchanged.
     */
    public double solveEuclidean(double[] a, double[] b, double[] px, double[] py, double[] qx, double[] qy,
            int[] orderA, int[] orderB, boolean warm) {
        this.px = px;
        this.py = py;
        this.qx = qx;
        this.qy = qy;
        return warm ? resolveInternal(a, b, null, orderA, orderB) : solveInternal(a, b, null, orderA, orderB);
    }

    private double[] px;
    private double[] py;
    private double[] qx;
    private double[] qy;

    /** Cost of arc (i, j): the matrix entry, or the Euclidean distance computed exactly as the SIMD pricing does. */
    private double c(int i, int j) {
        if (cost != null) {
            return cost[i * n2 + j];
        }
        double dx = px[i] - qx[j];
        double dy = py[i] - qy[j];
        return Math.sqrt(dx * dx + dy * dy);
    }

    /**
     * Re-solves after the costs changed but not the weights, starting from the previous optimal basis.
     * Falls back to {@link #solve} when there is no previous basis for these sizes.
     */
    public double resolve(double[] a, double[] b, double[] cost, int[] orderA, int[] orderB) {
        requireMatrix(cost);
        return resolveInternal(a, b, cost, orderA, orderB);
    }

    private double resolveInternal(double[] a, double[] b, double[] cost, int[] orderA, int[] orderB) {
        if (!solved || a.length != n1 || b.length != n2 || !Arrays.equals(a, supply) || !Arrays.equals(b, demand)) {
            return solveInternal(a, b, cost, orderA, orderB);
        }
        this.cost = cost;
        this.eps = tolerance();
        pivots = 0;
        computePotentials();
        run();
        return objective();
    }

    /** The optimal plan of the last solve, in the callers' index spaces, entries with positive mass. */
    public TransportPlan plan() {
        int count = 0;
        for (int u = 0; u < n1 + n2; u++) {
            if (u != root && flow[u] > 0) {
                count++;
            }
        }
        int[] s = new int[count];
        int[] t = new int[count];
        double[] m = new double[count];
        int k = 0;
        for (int u = 0; u < n1 + n2; u++) {
            if (u == root || !(flow[u] > 0)) {
                continue;
            }
            int i = u < n1 ? u : parent[u];
            int j = (u < n1 ? parent[u] : u) - n1;
            s[k] = i;
            t[k] = j;
            m[k] = flow[u] / scale;
            k++;
        }
        return new TransportPlan(objective(), s, t, m);
    }

    private void setUp(double[] a, double[] b, double[] cost) {
        n1 = a.length;
        n2 = b.length;
        if (cost != null && cost.length != n1 * n2) {
            throw new IllegalArgumentException("cost has " + cost.length + " entries for " + n1 + " x " + n2);
        }
        for (int i = 0; i < n1; i++) {
            if (!(a[i] > 0) || Double.isInfinite(a[i])) {
                throw new IllegalArgumentException("supply weight " + i + " must be finite and > 0, got " + a[i]);
            }
        }
        for (int j = 0; j < n2; j++) {
            if (!(b[j] > 0) || Double.isInfinite(b[j])) {
                throw new IllegalArgumentException("demand weight " + j + " must be finite and > 0, got " + b[j]);
            }
        }
        this.cost = cost;
        this.supply = a.clone();
        this.demand = b.clone();
        boolean uniform = true;
        for (double x : a) {
            uniform &= x == a[0];
        }
        for (double x : b) {
            uniform &= x == b[0];
        }
        // Uniform weights (1/n1 and 1/n2): scale to the integers n2 and n1 so every flow is exact.
        scaledA = new double[n1];
        scaledB = new double[n2];
        if (uniform) {
            scale = (double) n1 * n2;
            Arrays.fill(scaledA, n2);
            Arrays.fill(scaledB, n1);
        } else {
            scale = 1.0;
            System.arraycopy(a, 0, scaledA, 0, n1);
            System.arraycopy(b, 0, scaledB, 0, n2);
        }
        int nodes = n1 + n2;
        if (parent.length < nodes) {
            parent = new int[nodes];
            depth = new int[nodes];
            firstChild = new int[nodes];
            nextSib = new int[nodes];
            prevSib = new int[nodes];
            flow = new double[nodes];
            pot = new double[nodes];
            stack = new int[nodes];
            path = new int[nodes];
        }
        eps = tolerance();
        pivots = 0;
        nextRow = 0;
    }

    private double tolerance() {
        double max = 0;
        if (cost != null) {
            for (double c : cost) {
                max = Math.max(max, Math.abs(c));
            }
        } else {
            // The diagonal of the joint bounding box bounds every distance.
            double x0 = Double.POSITIVE_INFINITY;
            double x1 = Double.NEGATIVE_INFINITY;
            double y0 = Double.POSITIVE_INFINITY;
            double y1 = Double.NEGATIVE_INFINITY;
            for (double[][] xy : new double[][][] {{px, py}, {qx, qy}}) {
                for (int k = 0; k < xy[0].length; k++) {
                    x0 = Math.min(x0, xy[0][k]);
                    x1 = Math.max(x1, xy[0][k]);
                    y0 = Math.min(y0, xy[1][k]);
                    y1 = Math.max(y1, xy[1][k]);
                }
            }
            max = Math.hypot(x1 - x0, y1 - y0);
        }
        // Reduced costs carry rounding from potential updates of order 1e-16 * max cost per pivot; a
        // threshold of 1e-12 relative keeps the optimum to ~1e-12 relative and avoids chasing noise.
        return 1e-12 * (1 + max);
    }

    /** North-west corner rule along the given orders; ties advance the demand side (strong feasibility). */
    private void staircase(int[] orderA, int[] orderB) {
        int nodes = n1 + n2;
        Arrays.fill(firstChild, 0, nodes, -1);
        int p = 0;
        int q = 0;
        int i = orderA == null ? 0 : orderA[0];
        int j = orderB == null ? 0 : orderB[0];
        double ra = scaledA[i];
        double rb = scaledB[j];
        root = n1 + j;
        parent[root] = -1;
        depth[root] = 0;
        flow[root] = 0;
        nextSib[root] = -1;
        prevSib[root] = -1;
        // First cell (i, j): supply node i hangs under the root demand node j.
        double f = Math.min(ra, rb);
        link(i, root);
        flow[i] = f;
        ra -= f;
        rb -= f;
        while (p < n1 - 1 || q < n2 - 1) {
            boolean moveSupply = q == n2 - 1 || (p < n1 - 1 && ra < rb);
            if (moveSupply) {
                p++;
                int ni = orderA == null ? p : orderA[p];
                ra = scaledA[ni];
                f = Math.min(ra, rb);
                link(ni, n1 + j);
                flow[ni] = f;
                i = ni;
            } else {
                q++;
                int nj = orderB == null ? q : orderB[q];
                rb = scaledB[nj];
                f = Math.min(ra, rb);
                link(n1 + nj, i);
                flow[n1 + nj] = f;
                j = nj;
            }
            ra -= f;
            rb -= f;
        }
    }

    /** Potentials with u_i + v_j = c_ij on tree arcs (v_root = 0), and depths, by a walk from the root. */
    private void computePotentials() {
        pot[root] = 0;
        depth[root] = 0;
        int top = 0;
        stack[top++] = root;
        while (top > 0) {
            int u = stack[--top];
            for (int c = firstChild[u]; c >= 0; c = nextSib[c]) {
                depth[c] = depth[u] + 1;
                pot[c] = c < n1 ? c(c, u - n1) - pot[u] : c(u, c - n1) - pot[u];
                stack[top++] = c;
            }
        }
    }

    private void run() {
        long m = (long) n1 * n2;
        int blockRows = (int) Math.max(1, Math.round(Math.sqrt((double) m) / n2));
        double[] v = new double[n2];
        // v mirrors pot[n1 ..] contiguously for the SIMD pricing loop; kept in sync on every update.
        System.arraycopy(pot, n1, v, 0, n2);
        this.vCache = v;
        while (true) {
            int enter = price(blockRows);
            if (enter < 0) {
                break;
            }
            pivot(enter / n2, enter % n2);
            pivots++;
            if (pivots > 50L * m + 1000) {
                throw new IllegalStateException("network simplex did not converge after " + pivots + " pivots");
            }
        }
        vCache = null;
    }

    private double[] vCache;

    /** Block search: rows from where the last search stopped; the most negative reduced cost of the first
     * block that has one. Returns the arc i * n2 + j, or -1 when none is below -eps (optimal). */
    private int price(int blockRows) {
        if (cost == null) {
            return priceEuclidean(blockRows);
        }
        double best = -eps;
        int bestArc = -1;
        int rowsSeen = 0;
        double[] c = cost;
        double[] v = vCache;
        for (int scanned = 0; scanned < n1; scanned++) {
            int i = nextRow;
            nextRow = nextRow + 1 == n1 ? 0 : nextRow + 1;
            int base = i * n2;
            double min = RowMinima.costs(c, base, v, n2);
            double r = min - pot[i];
            if (r < best) {
                for (int k = 0; k < n2; k++) {
                    if (c[base + k] - v[k] == min) {
                        best = r;
                        bestArc = base + k;
                        break;
                    }
                }
            }
            if (++rowsSeen >= blockRows && bestArc >= 0) {
                return bestArc;
            }
        }
        return bestArc;
    }

    /** {@link #price} with the row's distances computed on the fly (mul and add unfused, as in {@link #c}). */
    private int priceEuclidean(int blockRows) {
        double best = -eps;
        int bestArc = -1;
        int rowsSeen = 0;
        double[] v = vCache;
        double[] xs = qx;
        double[] ys = qy;
        for (int scanned = 0; scanned < n1; scanned++) {
            int i = nextRow;
            nextRow = nextRow + 1 == n1 ? 0 : nextRow + 1;
            double xi = px[i];
            double yi = py[i];
            double min = RowMinima.euclidean(xi, yi, xs, ys, v, n2);
            double r = min - pot[i];
            if (r < best) {
                for (int k = 0; k < n2; k++) {
                    double dx = xi - xs[k];
                    double dy = yi - ys[k];
                    if (Math.sqrt(dx * dx + dy * dy) - v[k] == min) {
                        best = r;
                        bestArc = i * n2 + k;
                        break;
                    }
                }
            }
            if (++rowsSeen >= blockRows && bestArc >= 0) {
                return bestArc;
            }
        }
        return bestArc;
    }

    private void pivot(int ei, int ej) {
        int first = ei;
        int second = n1 + ej;
        // Join: the lowest common ancestor of the two ends.
        int x = first;
        int y = second;
        while (x != y) {
            if (depth[x] > depth[y]) {
                x = parent[x];
            } else if (depth[y] > depth[x]) {
                y = parent[y];
            } else {
                x = parent[x];
                y = parent[y];
            }
        }
        int join = x;
        // Leaving arc (Cunningham's rule: last blocking arc in cycle order from the join, which keeps
        // the tree strongly feasible). Flow goes first -> second on the entering arc, then second up to
        // the join, then down to first: arcs against that direction lose flow and may block.
        double delta = Double.POSITIVE_INFINITY;
        int uOut = -1;
        int side = 0;
        for (int u = first; u != join; u = parent[u]) {
            if (u < n1 && flow[u] < delta) { // supply child: arc u -> parent, traversed backwards
                delta = flow[u];
                uOut = u;
                side = 1;
            }
        }
        for (int u = second; u != join; u = parent[u]) {
            if (u >= n1 && flow[u] <= delta) { // demand child: arc parent -> u, traversed backwards
                delta = flow[u];
                uOut = u;
                side = 2;
            }
        }
        if (uOut < 0) {
            throw new IllegalStateException("unbounded transportation problem (cannot happen with balanced masses)");
        }
        if (delta > 0) {
            for (int u = first; u != join; u = parent[u]) {
                flow[u] += u < n1 ? -delta : delta;
            }
            for (int u = second; u != join; u = parent[u]) {
                flow[u] += u < n1 ? delta : -delta;
            }
        }
        int uIn = side == 1 ? first : second;
        int vIn = side == 1 ? second : first;
        // Re-hang the subtree cut off at uOut so that it hangs from vIn through the entering arc.
        int k = 0;
        for (int w = uIn; ; w = parent[w]) {
            path[k++] = w;
            if (w == uOut) {
                break;
            }
        }
        for (int t = 0; t < k; t++) {
            unlink(path[t]);
        }
        double carry = delta;
        for (int t = 0; t < k; t++) {
            double old = flow[path[t]];
            flow[path[t]] = carry;
            carry = old;
        }
        link(path[0], vIn);
        for (int t = 1; t < k; t++) {
            link(path[t], path[t - 1]);
        }
        // Shift potentials of the re-hung subtree so the entering arc has zero reduced cost.
        double r = c(ei, ej) - pot[ei] - pot[n1 + ej];
        double shift = uIn < n1 ? r : -r;
        int top = 0;
        stack[top++] = uIn;
        depth[uIn] = depth[vIn] + 1;
        double[] v = vCache;
        while (top > 0) {
            int u = stack[--top];
            if (u < n1) {
                pot[u] += shift;
            } else {
                pot[u] -= shift;
                v[u - n1] = pot[u];
            }
            for (int c = firstChild[u]; c >= 0; c = nextSib[c]) {
                depth[c] = depth[u] + 1;
                stack[top++] = c;
            }
        }
    }

    private void link(int u, int p) {
        parent[u] = p;
        int f = firstChild[p];
        nextSib[u] = f;
        prevSib[u] = -1;
        if (f >= 0) {
            prevSib[f] = u;
        }
        firstChild[p] = u;
    }

    private void unlink(int u) {
        int p = parent[u];
        int ps = prevSib[u];
        int ns = nextSib[u];
        if (ps >= 0) {
            nextSib[ps] = ns;
        } else {
            firstChild[p] = ns;
        }
        if (ns >= 0) {
            prevSib[ns] = ps;
        }
    }

    private double objective() {
        double s = 0;
        for (int u = 0; u < n1 + n2; u++) {
            if (u == root) {
                continue;
            }
            double f = flow[u];
            if (f != 0) {
                int i = u < n1 ? u : parent[u];
                int j = (u < n1 ? parent[u] : u) - n1;
                s += f * c(i, j);
            }
        }
        return s / scale;
    }
}
