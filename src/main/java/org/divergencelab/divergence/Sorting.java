package org.divergencelab.divergence;

/** Primitive index sorting (no boxing) for the transport solvers. */
final class Sorting {
    private Sorting() {
    }

    /** Indices that sort {@code keys} ascending (stable). */
    static int[] argsort(double[] keys) {
        int n = keys.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] tmp = new int[n];
        mergeSort(keys, idx, tmp, 0, n);
        return idx;
    }

    private static void mergeSort(double[] k, int[] a, int[] tmp, int lo, int hi) {
        if (hi - lo < 24) {
            for (int i = lo + 1; i < hi; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= lo && k[a[j]] > k[v]) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(k, a, tmp, lo, mid);
        mergeSort(k, a, tmp, mid, hi);
        if (k[a[mid - 1]] <= k[a[mid]]) {
            return;
        }
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int o = lo; o < hi; o++) {
            if (j >= hi || (i < mid && k[tmp[i]] <= k[tmp[j]])) {
                a[o] = tmp[i++];
            } else {
                a[o] = tmp[j++];
            }
        }
    }
}
