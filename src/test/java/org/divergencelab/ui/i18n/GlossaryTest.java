package org.divergencelab.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.divergencelab.lesson.Scene;
import org.divergencelab.lesson.Scenes;
import org.divergencelab.lesson.Text;
import org.junit.jupiter.api.Test;

/**
 * The glossary ({@code glossary.tsv} beside the bundles) against every text the app shows in three languages: the
 * message bundles and the lecture scenes' titles, captions and "try this" lines. Wherever the English text names a
 * concept (the row's pattern), both Chinese texts must use the row's word; no Chinese text may use a variant the
 * row forbids (so 評論器, 裁剪 or 方案 cannot come back).
 */
class GlossaryTest {

    /** One glossary row. */
    record Term(String concept, Pattern english, String zhTW, String zhCN, List<String> forbiddenTW,
            List<String> forbiddenCN, String lecture) {
    }

    /** One text in the three languages, named for the failure message. */
    record Entry(String where, String en, String zhTW, String zhCN) {
    }

    static List<Term> glossary() throws Exception {
        List<Term> terms = new ArrayList<>();
        try (InputStream in = GlossaryTest.class.getResourceAsStream("/org/divergencelab/ui/i18n/glossary.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = null;
            for (String line; (line = r.readLine()) != null;) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                if (header == null) {
                    header = line;
                    assertEquals("concept\tenglish\tzh_TW\tzh_CN\tforbidden_zh_TW\tforbidden_zh_CN\tlecture", header);
                    continue;
                }
                assertEquals(7, c.length, "7 tab-separated columns: " + line);
                for (String s : c) {
                    assertTrue(!s.isBlank(), "no empty column: " + line);
                }
                terms.add(new Term(c[0], Pattern.compile(c[1], Pattern.CASE_INSENSITIVE), c[2], c[3], variants(c[4]),
                        variants(c[5]), c[6]));
            }
        }
        return terms;
    }

    private static List<String> variants(String column) {
        return "-".equals(column) ? List.of() : List.of(column.split("\\|"));
    }

    private static Properties bundle(String suffix) throws Exception {
        try (InputStream in = GlossaryTest.class.getResourceAsStream(
                "/org/divergencelab/ui/i18n/messages" + suffix + ".properties")) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    /** Every bundle value and every scene text, in the three languages. */
    static List<Entry> appTexts() throws Exception {
        List<Entry> out = new ArrayList<>();
        Properties en = bundle("");
        Properties tw = bundle("_zh_TW");
        Properties cn = bundle("_zh_CN");
        for (String k : new java.util.TreeSet<>(en.stringPropertyNames())) {
            out.add(new Entry(k, en.getProperty(k), tw.getProperty(k), cn.getProperty(k)));
        }
        for (Scene s : Scenes.all()) {
            Map<String, Text> texts = new LinkedHashMap<>();
            texts.put("title", s.title());
            texts.put("caption", s.caption());
            texts.put("tryThis", s.tryThis());
            texts.forEach((part, t) -> out.add(new Entry("scene " + s.id() + " " + part, t.en(), t.zhTW(), t.zhCN())));
        }
        return out;
    }

    /** What breaks the glossary in {@code texts}, one line per problem. */
    static List<String> violations(List<Term> terms, List<Entry> texts) {
        List<String> bad = new ArrayList<>();
        for (Term t : terms) {
            for (Entry e : texts) {
                if (t.english().matcher(e.en()).find()) {
                    if (!e.zhTW().contains(t.zhTW())) {
                        bad.add(e.where() + " [zh_TW] names '" + t.concept() + "' in English but not as " + t.zhTW()
                                + ": " + e.zhTW());
                    }
                    if (!e.zhCN().contains(t.zhCN())) {
                        bad.add(e.where() + " [zh_CN] names '" + t.concept() + "' in English but not as " + t.zhCN()
                                + ": " + e.zhCN());
                    }
                }
                forbidden(t, t.forbiddenTW(), e.zhTW(), e.where() + " [zh_TW]", bad);
                forbidden(t, t.forbiddenCN(), e.zhCN(), e.where() + " [zh_CN]", bad);
            }
        }
        return bad;
    }

    private static void forbidden(Term t, List<String> variants, String text, String where, List<String> bad) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String v : variants) {
            if (lower.contains(v.toLowerCase(Locale.ROOT))) {
                bad.add(where + " uses '" + v + "' for '" + t.concept() + "' (glossary: " + t.zhTW() + " / " + t.zhCN()
                        + "): " + text);
            }
        }
    }

    @Test
    void everyAppTextFollowsTheGlossary() throws Exception {
        List<String> bad = violations(glossary(), appTexts());
        assertTrue(bad.isEmpty(), bad.size() + " glossary violations:\n" + String.join("\n", bad));
    }

    @Test
    void theCheckCatchesTheOldVariants() throws Exception {
        // The bundles' wording before the glossary: each must be reported, or the check above could not fail.
        List<Entry> old = List.of(
                new Entry("a", "critic-style field", "評論器式的場", "评论器式的场"),
                new Entry("b", "Critic f(x)", "Critic f(x)", "Critic f(x)"),
                new Entry("c", "Weight clipping", "權重裁剪", "权重裁剪"),
                new Entry("d", "Near plan", "就近的方案", "就近的方案"),
                new Entry("e", "Modes captured", "捕捉到的模態", "捕捉到的模态"),
                new Entry("f", "Spectral normalisation", "頻譜正規化", "谱归一化"),
                new Entry("g", "D: training accuracy", "D：訓練準確率", "D：训练准确率"));
        List<String> bad = violations(glossary(), old);
        for (String where : List.of("a [zh_TW]", "a [zh_CN]", "b [zh_TW]", "b [zh_CN]", "c [zh_TW]", "c [zh_CN]",
                "d [zh_TW]", "d [zh_CN]", "e [zh_TW]", "e [zh_CN]", "f [zh_TW]", "g [zh_TW]", "g [zh_CN]")) {
            assertTrue(bad.stream().anyMatch(b -> b.startsWith(where)), where + " not reported in " + bad);
        }
        assertTrue(bad.stream().noneMatch(b -> b.startsWith("f [zh_CN]")), "谱归一化 is the glossary's word: " + bad);
    }

    @Test
    void glossaryCoversTheLectureTermsOnceEach() throws Exception {
        List<Term> terms = glossary();
        List<String> concepts = terms.stream().map(Term::concept).toList();
        assertEquals(concepts.size(), concepts.stream().distinct().count(), "one row per concept: " + concepts);
        for (String c : List.of("generator", "discriminator", "critic", "Wasserstein", "earth mover", "JS divergence",
                "KL divergence", "mode collapse", "mode dropping", "weight clipping", "gradient penalty",
                "spectral normalisation", "Lipschitz", "moving plan", "sample", "latent", "iteration", "objective",
                "estimate", "truth", "exact", "accuracy")) {
            assertTrue(concepts.contains(c), "glossary row for " + c);
        }
        for (Term t : terms) {
            // A word cannot be both the glossary's choice and forbidden (the check would then always fail).
            assertTrue(t.forbiddenTW().stream().noneMatch(v -> t.zhTW().toLowerCase(Locale.ROOT)
                    .contains(v.toLowerCase(Locale.ROOT))), t.concept());
            assertTrue(t.forbiddenCN().stream().noneMatch(v -> t.zhCN().toLowerCase(Locale.ROOT)
                    .contains(v.toLowerCase(Locale.ROOT))), t.concept());
        }
    }
}
