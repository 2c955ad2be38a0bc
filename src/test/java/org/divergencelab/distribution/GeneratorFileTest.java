package org.divergencelab.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generator.json: exact round trip, the documented layout, and errors that name the file and the problem. */
class GeneratorFileTest {
    @TempDir
    Path dir;

    @Test
    void writeThenReadGivesAnEqualNetBitForBit() throws IOException {
        GeneratorNet g = GeneratorNets.random(1, GeneratorNet.Prior.NORMAL, 2, 2, GeneratorNet.Act.Kind.LEAKY_RELU,
                5, 3);
        Path f = dir.resolve("g.json");
        GeneratorFile.write(g, f);
        GeneratorNet back = GeneratorFile.read(f);
        assertEquals(g, back);
        double[] z = {0.3, -1.2};
        assertEquals(g.forward(z)[1], back.forward(z)[1], 0);
        String text = Files.readString(f);
        assertTrue(text.contains("\"format\": \"divergence-lab/generator\""), text);
        assertTrue(text.contains("\"activation\": \"leaky-relu(0.2)\""), text);
        assertTrue(text.contains("\"prior\": \"normal\""), text);
    }

    @Test
    void theDocumentedExampleParses() {
        GeneratorNet g = GeneratorFile.parse("""
                {"format": "divergence-lab/generator", "version": 1, "latent": {"prior": "uniform", "dim": 1},
                 "layers": [{"weights": [[1.0], [-1.0]], "bias": [0, 0.5], "activation": "relu"},
                            {"weights": [[2, 3]], "bias": [0.25], "activation": "identity"}]}""");
        assertEquals(GeneratorNet.Prior.UNIFORM, g.prior());
        // x = 2 relu(z) + 3 relu(0.5 − z) + 0.25 at z = 0.2: 0.4 + 0.9 + 0.25
        assertEquals(1.55, g.forward(new double[] {0.2})[0], 1e-15);
    }

    private String error(String json) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, json);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GeneratorFile.read(f));
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void malformedFilesAreRefusedWithTheFileAndTheProblem() throws IOException {
        String head = "{\"format\": \"divergence-lab/generator\", \"version\": 1, ";
        assertTrue(error("{").contains("invalid JSON at line 1"));
        assertTrue(error("{\"format\": \"x\"}").contains("\"format\" must be"));
        assertTrue(error(head.replace("1, ", "2, ") + "\"latent\": {}, \"layers\": []}").contains("\"version\" must be 1"));
        assertTrue(error(head + "\"latent\": {\"prior\": \"cauchy\", \"dim\": 1}, \"layers\": []}")
                .contains("\"latent.prior\" must be \"uniform\" or \"normal\", got \"cauchy\""));
        assertTrue(error(head + "\"latent\": {\"prior\": \"normal\", \"dim\": 100000}, \"layers\": []}")
                .contains("\"latent.dim\" must be an integer in [1, 64], got 100000"));
        assertTrue(error(head + "\"latent\": {\"prior\": \"normal\", \"dim\": 1}, \"layers\": []}")
                .contains("\"layers\" must hold 1 to 64 layers, got 0"));
        assertTrue(error(head + "\"latent\": {\"prior\": \"normal\", \"dim\": 1}, \"layers\": [{\"weights\": "
                + "[[1, 2]], \"bias\": [0], \"activation\": \"relu\"}]}")
                .contains("layers[0].weights[0] has 2 entries; expected 1 (the latent dim)"));
        assertTrue(error(head + "\"latent\": {\"prior\": \"normal\", \"dim\": 1}, \"layers\": [{\"weights\": "
                + "[[1]], \"bias\": [0, 1], \"activation\": \"relu\"}]}")
                .contains("layers[0].bias has 2 entries but weights has 1 rows"));
        assertTrue(error(head + "\"latent\": {\"prior\": \"normal\", \"dim\": 1}, \"layers\": [{\"weights\": "
                + "[[\"a\"]], \"bias\": [0], \"activation\": \"relu\"}]}")
                .contains("layers[0].weights[0][0] must be a finite number, got \"a\""));
        assertTrue(error(head + "\"latent\": {\"prior\": \"normal\", \"dim\": 1}, \"layers\": [{\"weights\": "
                + "[[1]], \"bias\": [0], \"activation\": \"swish\"}]}")
                .contains("layers[0].activation: unknown activation 'swish'"));
        assertTrue(error(head + "\"latent\": {\"prior\": \"normal\", \"dim\": 1}, \"layers\": [{\"weights\": "
                + "[[1], [1], [1]], \"bias\": [0, 0, 0], \"activation\": \"relu\"}]}")
                .contains("the last layer has 3 outputs"));
        assertTrue(error(head + "\"latent\": {\"prior\": \"normal\", \"dim\": 1}, \"layers\": [], \"extra\": 1}")
                .contains("unknown key \"extra\""));
    }

    @Test
    void aSpecNamesTheGeneratorFile() throws IOException {
        GeneratorNet g = GeneratorNets.affine(GeneratorNet.Prior.NORMAL, 2, 1);
        GeneratorFile.write(g, dir.resolve("g.json"));
        Distribution d = SpecParser.parse("generator(g.json)", dir);
        assertEquals("generator(g.json)", d.spec());
        assertEquals(new Normal1(1, 2).logDensity(new double[] {0.5}), d.logDensity(new double[] {0.5}), 1e-14);
        Distribution m = SpecParser.parse("mixture(0.5*generator(g.json),0.5*normal(0,1))", dir);
        assertEquals(1, m.dimension());
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse("generator(missing.json)", dir));
        assertTrue(e.getMessage().contains("generator file") && e.getMessage().contains("does not exist"), e.getMessage());
    }
}
