package org.divergencelab.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV forms people actually export (R, Excel in a decimal-comma locale, Windows), and the ones refused. */
class CsvSamplesTest {
    @TempDir
    Path dir;

    private PointCloud load(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return CsvSamples.load(f);
    }

    private PointCloud load(String name, String text) throws IOException {
        return load(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private String refused(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvSamples.load(f));
        assertTrue(e.getMessage().contains(name), "names the file: " + e.getMessage());
        return e.getMessage();
    }

    private String refused(String name, String text) throws IOException {
        return refused(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsQuotedHeadersBomCrlfAndSemicolonsWithDecimalCommas() throws IOException {
        PointCloud r = load("r.csv", "\uFEFF\"x\",\"y\"\r\n1.5,2\r\n-3,4e-1\r\n");
        assertEquals(2, r.dimension());
        assertEquals(2, r.size());
        assertEquals(-3.0, r.get(1, 0), 0);
        assertEquals(0.4, r.get(1, 1), 0);
        PointCloud excel = load("excel.csv", "x;y\n0,5;-1,25\n2;3\n");
        assertEquals(0.5, excel.get(0, 0), 0);
        assertEquals(-1.25, excel.get(0, 1), 0);
        PointCloud spaces = load("spaces.txt", "  1   2\n3\t4  \n");
        assertEquals(4.0, spaces.get(1, 1), 0);
        PointCloud one = load("one.csv", "x\n0.5\n1\n");
        assertEquals(1, one.dimension());
    }

    @Test
    void refusesAmbiguousDecimalCommaJavaOnlyNumbersAndNonAsciiDigits() throws IOException {
        assertTrue(refused("dc.csv", "0,5\n1,25\n-0,75\n").contains("ambiguous"));
        assertEquals(2, load("ints.csv", "x,y\n0,5\n1,25\n").dimension(), "a header says they are 2-D integers");
        for (String cell : new String[] {"0x1p3", "1f", "2d", "1_000"}) {
            String m = refused("java.csv", "1,2\n3," + cell + "\n");
            assertTrue(m.contains("line 2 column 2: '" + cell + "' is not a number"), m);
        }
        String wide = refused("wide.csv", "1\n1\uFF12\n");
        assertTrue(wide.contains("line 2 column 1") && wide.contains("non-ASCII digit"), wide);
    }

    @Test
    void latin1NamesTheEncodingAndDevicesAndHugeFilesAreRefusedBeforeReading() throws IOException {
        String latin = refused("latin.csv", "caf\u00e9\n1\n".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(latin.contains("not UTF-8") && latin.contains("line 1") && latin.contains("Latin-1"), latin);
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvSamples.load(zero));
            assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        }
        StringBuilder many = new StringBuilder(CsvSamples.MAX_ROWS * 2 + 10);
        for (int i = 0; i <= CsvSamples.MAX_ROWS; i++) {
            many.append("1\n");
        }
        assertTrue(refused("many.csv", many.toString()).contains("more than 1000000 rows"));
    }

    @Test
    void hugeWeightsNormaliseInsteadOfOverflowing() throws IOException {
        // 1e308 + 1e308 = ∞ in double: the weights must come out as 1/2, 1/4, 1/4
        PointCloud c = load("w.csv", "x,w\n0,1e308\n1,5e307\n2,5e307\n");
        assertEquals(0.5, c.weight(0), 1e-15);
        assertEquals(0.25, c.weight(1), 1e-15);
        Mixture m = (Mixture) SpecParser.parse("mixture(1e308*normal(0,1),1e308*normal(5,1))");
        assertEquals(0.5, m.weights()[0], 1e-15);
    }
}
