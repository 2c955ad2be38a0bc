package org.divergencelab.lesson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.divergencelab.gan.Experiment;
import org.divergencelab.gan.NetworkSpec;
import org.divergencelab.gan.Objective;
import org.divergencelab.gan.OptimizerSpec;
import org.divergencelab.gan.Presets;
import org.divergencelab.gan.TrainerOptions;
import org.divergencelab.sandbox.BulldozerExample;
import org.divergencelab.sandbox.SandboxState;

/**
 * The catalogue of lecture scenes, numbered as in /work/shared/lecture/INVENTORY.md §3. Citations name the seed
 * file (000 … 004 under /work/shared/lecture, e.g. {@code 003} = {@code 003_65c43ade79d6bd6d.txt}) and its lines.
 */
public final class Scenes {
    private Scenes() {
    }

    private static final Map<String, Scene> ALL = build();

    /** Every scene in lecture order. */
    public static List<Scene> all() {
        return List.copyOf(ALL.values());
    }

    /** The scene ids in lecture order. */
    public static List<String> ids() {
        return List.copyOf(ALL.keySet());
    }

    /** The scene {@code id}; an IllegalArgumentException listing the ids when there is none. */
    public static Scene get(String id) {
        Scene s = ALL.get(id);
        if (s == null) {
            throw new IllegalArgumentException("unknown scene '" + id + "', known: " + String.join(", ", ALL.keySet()));
        }
        return s;
    }

    /** The WGAN paper's RMSProp learning rate (Arjovsky et al. 2017, Algorithm 1), used by the clipping scenes. */
    public static final double WGAN_RMSPROP_LR = 5e-5;

    private static Text t(String en, String tw, String cn) {
        return new Text(en, tw, cn);
    }

    /** Sandbox scenes never show the brush or CSV import: the lecture's data are fixed. */
    private static SandboxState box(String p, String q, int samples, BulldozerExample.Plan plan, String... hidden) {
        List<String> h = new ArrayList<>(List.of(hidden));
        h.add("brush");
        h.add("importCsv");
        return new SandboxState(p, q, samples, 1, plan, false, Set.copyOf(h));
    }

    private static Scene sandbox(String id, Text title, Text caption, Text tryThis, String citation, SandboxState s) {
        return new Scene(id, title, caption, tryThis, citation, Scene.Mode.SANDBOX, null, s, "sandbox", 0, Set.of());
    }

    private static Scene training(String id, Text title, Text caption, Text tryThis, String citation, Experiment e,
            String view, int iterations, String... hidden) {
        return figure(id, title, caption, tryThis, citation, e, view, iterations, SceneFigure.NONE, hidden);
    }

    private static Scene figure(String id, Text title, Text caption, Text tryThis, String citation, Experiment e,
            String view, int iterations, SceneFigure figure, String... hidden) {
        return new Scene(id, title, caption, tryThis, citation, Scene.Mode.TRAINING, e.withName(id + "-" + e.name()), null,
                view, iterations, Set.of(hidden), figure);
    }

    private static Map<String, Scene> build() {
        Map<String, Scene> m = new LinkedHashMap<>();
        List<Scene> list = new ArrayList<>();
        Experiment oneD = Presets.get("gaussians-1d-gan");
        Experiment lines = Presets.get("two-lines-gan");
        Experiment ring = Presets.get("ring8-gan");

        list.add(training("S1",
                t("Five points through G", "五個點穿過 G", "五个点穿过 G"),
                t("Samples z from a normal distribution (top axis) are moved by G to x = G(z) (bottom axis). The data are "
                        + "two-sided, heavier on the left; after 1000 iterations G has split the points into two groups, "
                        + "three on the left and two on the right.",
                        "從常態分佈抽出的樣本 z（上方的軸）被 G 搬到 x = G(z)（下方的軸）。資料分成兩邊、左邊比較多；訓練 1000 次迭代後，G 把這些點分成兩群：左邊三個、右邊兩個。",
                        "从正态分布抽出的样本 z（上方的轴）被 G 搬到 x = G(z)（下方的轴）。数据分成两边、左边比较多；训练 1000 次迭代后，G 把这些点分成两群：左边三个、右边两个。"),
                t("Press Reset and step a few iterations: the five lines start nearly parallel and fan out into the two groups.",
                        "按重設再走幾次迭代：五條線一開始幾乎平行，然後分成兩群。",
                        "按重设再走几次迭代：五条线一开始几乎平行，然后分成两群。"),
                "000 L17-25; 001 L462-486; 002 L43-70", oneD, "map", 1000, "compare", "show-internals"));

        list.add(sandbox("S2",
                t("Mixed vs separated stars", "混在一起 vs 分開的星星", "混在一起 vs 分开的星星"),
                t("Two 2-D clouds far apart: a small discriminator separates them perfectly, max V is large and the JS "
                        + "estimate is near log 2.",
                        "兩團相距很遠的二維點雲：小型判別器能完全分開它們，max V 很大，JS 估計值接近 log 2。",
                        "两团相距很远的二维点云：小型判别器能完全分开它们，max V 很大，JS 估计值接近 log 2。"),
                t("Drag Q onto P until the stars mix: the discriminator's accuracy falls towards 50 % and the JS estimate "
                        + "towards 0.",
                        "把 Q 拖到 P 上直到星星混在一起：判別器正確率降向 50%，JS 估計值降向 0。",
                        "把 Q 拖到 P 上直到星星混在一起：判别器正确率降向 50%，JS 估计值降向 0。"),
                "000 L129-145; 001 L596-616; 002 L311-357",
                box("normal2(0,0,0.6,0.6)", "normal2(4,0,0.6,0.6)", 256, BulldozerExample.Plan.OPTIMAL,
                        "bulldozer", "plan", "critic")));

        list.add(sandbox("S3",
                t("Two lines: far → near → overlap (PG0 → PG50)", "兩條線：遠 → 近 → 重合（PG0 → PG50）",
                        "两条线：远 → 近 → 重合（PG0 → PG50）"),
                t("P_data and P_G are parallel segments. Far apart: JS = log 2. Closer: still log 2. Only when they "
                        + "coincide does JS drop to 0; W1 equals the gap all along.",
                        "P_data 和 P_G 是兩條平行線段。距離很遠：JS = log 2；靠近一點：仍然是 log 2；只有重合時 JS 才變成 0，W1 一直等於間距。",
                        "P_data 和 P_G 是两条平行线段。距离很远：JS = log 2；靠近一点：仍然是 log 2；只有重合时 JS 才变成 0，W1 一直等于间距。"),
                t("Drag Q (PG0) halfway to P (PG50), then onto it. Read JS and W1 at each stop, and compare the sweep curves.",
                        "把 Q（PG0）拖到一半（PG50），再拖到 P 上。每一站讀 JS 和 W1，並比較掃描曲線。",
                        "把 Q（PG0）拖到一半（PG50），再拖到 P 上。每一站读 JS 和 W1，并比较扫描曲线。"),
                "000 L221-233, L311-323; 001 L703-727, L799-815; 002 L529-563, L751-787; 004 L20-24, L60",
                box("segment(0,0,0,1)", "segment(3,0,3,1)", 256, BulldozerExample.Plan.OPTIMAL, "bulldozer", "critic")));

        list.add(sandbox("S4",
                t("Finite-sample river boundary", "有限樣本的楚河漢界", "有限样本的楚河汉界"),
                t("P and Q truly overlap, but with only 8 + 8 samples a discriminator draws a boundary that separates them "
                        + "perfectly (100 % training accuracy).",
                        "P 和 Q 真的有重疊，但只有 8 + 8 個樣本時，判別器能畫出一條完全分開它們的邊界（訓練正確率 100%）。",
                        "P 和 Q 真的有重叠，但只有 8 + 8 个样本时，判别器能画出一条完全分开它们的边界（训练正确率 100%）。"),
                t("Raise the sample size to 2000: the training accuracy falls and the JS estimate approaches the true JS.",
                        "把樣本數調到 2000：訓練正確率下降，JS 估計值接近真正的 JS。",
                        "把样本数调到 2000：训练正确率下降，JS 估计值接近真正的 JS。"),
                "000 L207-215; 001 L687-697; 002 L484-513; 003 L31-33",
                box("normal2(0,0,1,1)", "normal2(0.8,0,1,1)", 8, BulldozerExample.Plan.OPTIMAL, "bulldozer", "plan",
                        "critic")));

        // Two wiggly curves (three-segment polylines) that cross at isolated points: the overlap has measure 0.
        list.add(sandbox("S5",
                t("Two random curves", "兩條隨機曲線", "两条随机曲线"),
                t("Two curves drawn at random in the plane meet only at a few crossing points, a set of measure 0: the "
                        + "distributions do not overlap, so JS = log 2 and KL = ∞ even though the curves touch.",
                        "在平面上隨機畫兩條曲線，它們只在幾個交點相遇，這些點的測度是 0：兩個分佈沒有重疊，所以即使曲線相交，JS = log 2、KL = ∞。",
                        "在平面上随机画两条曲线，它们只在几个交点相遇，这些点的测度是 0：两个分布没有重叠，所以即使曲线相交，JS = log 2、KL = ∞。"),
                t("Drag Q around: wherever the curves cross, JS stays at log 2 while W1 keeps changing. Only drawing Q "
                        + "exactly onto P would bring JS down.",
                        "拖動 Q：不管曲線在哪裡相交，JS 都停在 log 2，而 W1 一直在變。只有把 Q 畫得和 P 完全重合，JS 才會下降。",
                        "拖动 Q：不管曲线在哪里相交，JS 都停在 log 2，而 W1 一直在变。只有把 Q 画得和 P 完全重合，JS 才会下降。"),
                "003 L27-29, L243-245",
                box("mixture(1*segment(-2,-1,-1,0.5),1*segment(-1,0.5,0.5,-0.5),1*segment(0.5,-0.5,2,1))",
                        "mixture(1*segment(-2,1,-0.5,-0.8),1*segment(-0.5,-0.8,1,0.6),1*segment(1,0.6,2,-1))",
                        256, BulldozerExample.Plan.OPTIMAL, "bulldozer", "critic")));

        list.add(sandbox("S6",
                t("Point-mass earth mover", "單點質量的推土機", "单点质量的推土机"),
                t("All of P sits at one point, all of Q at another, d away: moving the pile costs W1 = d.",
                        "P 全部在一個點，Q 全部在距離 d 的另一點：把土堆搬過去的成本 W1 = d。",
                        "P 全部在一个点，Q 全部在距离 d 的另一点：把土堆搬过去的成本 W1 = d。"),
                t("Drag Q: W1 follows the distance exactly while JS stays at log 2 and KL at ∞.",
                        "拖動 Q：W1 精確地等於距離，JS 停在 log 2，KL 是 ∞。",
                        "拖动 Q：W1 精确地等于距离，JS 停在 log 2，KL 是 ∞。"),
                "000 L271-279; 001 L753-763; 002 L668-698; 003 L53-55",
                box("point(0)", "point(3)", 256, BulldozerExample.Plan.OPTIMAL, "bulldozer", "critic", "estimates")));

        list.add(sandbox("S7",
                t("Near plan vs far plan, with γ", "近的計劃 vs 遠的計劃，與 γ", "近的计划 vs 远的计划，与 γ"),
                t("P and Q are piles of blocks. A moving plan γ says how much earth goes from x_p to x_q (brightness = mass); "
                        + "its cost is Σ γ·|x_p − x_q|. Fetching from far (舍近求远) costs more; W1 is the cheapest plan.",
                        "P 和 Q 是一疊疊積木。搬運計劃 γ 說明從 x_p 搬多少土到 x_q（亮度 = 質量），成本是 Σ γ·|x_p − x_q|。捨近求遠比較貴；W1 是最便宜的計劃。",
                        "P 和 Q 是一叠叠积木。搬运计划 γ 说明从 x_p 搬多少土到 x_q（亮度 = 质量），成本是 Σ γ·|x_p − x_q|。舍近求远比较贵；W1 是最便宜的计划。"),
                t("Switch between the near, far and optimal plans and compare their costs; then drag a pile and watch γ change.",
                        "在近、遠和最佳計劃之間切換並比較成本；再拖動一疊土看 γ 怎麼變。",
                        "在近、远和最优计划之间切换并比较成本；再拖动一叠土看 γ 怎么变。"),
                "000 L285-305; 001 L767-797; 002 L699-750; 003 L57-77; 004 L44-56",
                box("mixture(0.3333333333333333*point(0),0.16666666666666666*point(1),0.5*point(3))",
                        "mixture(0.16666666666666666*point(1),0.3333333333333333*point(2),0.3333333333333333*point(4),"
                                + "0.16666666666666666*point(5))", 256, BulldozerExample.Plan.NEAR, "critic", "estimates")));

        list.add(sandbox("S8",
                t("Parallel segments with θ", "平行線段與 θ", "平行线段与 θ"),
                t("WGAN paper, example 1: P1 uniform on segment AB, P2 on CD, θ apart. KL = ∞ and JS = log 2 for every θ ≠ 0, "
                        + "both 0 at θ = 0; W = |θ| is smooth.",
                        "WGAN 論文例一：P1 均勻分佈在線段 AB，P2 在 CD，相距 θ。θ ≠ 0 時 KL = ∞、JS = log 2，θ = 0 時都是 0；W = |θ| 是平滑的。",
                        "WGAN 论文例一：P1 均匀分布在线段 AB，P2 在 CD，相距 θ。θ ≠ 0 时 KL = ∞、JS = log 2，θ = 0 时都是 0；W = |θ| 是平滑的。"),
                t("Look at the sweep: KL and JS are flat with a jump at θ = 0, W is a V. Drag CD and see the marker move.",
                        "看掃描圖：KL 和 JS 是平的，只在 θ = 0 跳動，W 是 V 形。拖動 CD 看標記移動。",
                        "看扫描图：KL 和 JS 是平的，只在 θ = 0 跳动，W 是 V 形。拖动 CD 看标记移动。"),
                "003 L330-344",
                box("segment(0,0,0,1)", "segment(1,0,1,1)", 256, BulldozerExample.Plan.OPTIMAL, "bulldozer", "critic",
                        "estimates")));

        list.add(training("S9",
                t("Unconstrained critic explodes", "沒有限制的判別器會爆掉", "没有限制的判别器会爆掉"),
                t("Real and generated samples do not overlap. Without a Lipschitz constraint the critic pushes real scores to "
                        + "+∞ and fake ones to −∞: the W estimate grows without bound.",
                        "真實和生成的樣本沒有重疊。沒有 Lipschitz 限制時，判別器把真實樣本的分數推向 +∞、生成的推向 −∞：W 估計值無限制地變大。",
                        "真实和生成的样本没有重叠。没有 Lipschitz 限制时，判别器把真实样本的分数推向 +∞、生成的推向 −∞：W 估计值无限制地变大。"),
                t("Press Play and watch the estimate chart climb; then choose the gradient penalty and compare.",
                        "按播放看估計值曲線一路上升；再選梯度懲罰比較看看。",
                        "按播放看估计值曲线一路上升；再选梯度惩罚比较看看。"),
                "000 L377-383; 001 L865-876; 002 L924-948",
                // A slow generator (lr 1e-5) keeps the gap open, so the critic's runaway is not hidden by G closing it.
                lines.withObjective(Objective.linearCritic()).withCritic(NetworkSpec.relu()).withSteps(5, 1)
                        .withCriticOptimizer(OptimizerSpec.adam(1e-2, 0.5, 0.999))
                        .withGeneratorOptimizer(OptimizerSpec.adam(1e-5, 0.5, 0.999)), "charts", 100));

        list.add(sandbox("S10",
                t("Lipschitz critic: near vs far", "Lipschitz 判別器：近 vs 遠", "Lipschitz 判别器：近 vs 远"),
                t("A 1-Lipschitz critic (slopes within the ±1 cone) can only score P above Q by their distance: close sets give "
                        + "a small gap, distant sets a large one. The gap is W1.",
                        "1-Lipschitz 的判別器（斜率在 ±1 的錐裡）給 P 和 Q 的分數差最多等於它們的距離：靠近時差距小，遠離時差距大。這個差距就是 W1。",
                        "1-Lipschitz 的判别器（斜率在 ±1 的锥里）给 P 和 Q 的分数差最多等于它们的距离：靠近时差距小，远离时差距大。这个差距就是 W1。"),
                t("Move the mouse over the critic to see the cone; drag Q far away and watch the critic's gap grow with W1.",
                        "把滑鼠移到判別器上看錐；把 Q 拖遠，看判別器的分數差跟著 W1 變大。",
                        "把鼠标移到判别器上看锥；把 Q 拖远，看判别器的分数差跟着 W1 变大。"),
                "000 L385-395; 001 L877-889; 002 L948-993",
                box("uniform(0,1)", "uniform(1.5,2.5)", 256, BulldozerExample.Plan.OPTIMAL, "bulldozer", "plan",
                        "estimates")));

        list.add(training("S11",
                t("Gradient-penalty interpolation", "梯度懲罰的內插", "梯度惩罚的内插"),
                // x′ (prime), not x-hat: a combining accent (U+0302) makes JavaFX wrap the caption's lines wrongly.
                t("WGAN-GP samples x′ on the segment between a real x_r and a fake x_g and pushes ‖∇D(x′)‖ towards 1 there: the band "
                        + "between P_G and P_data (the data line at x = 2) is the penalty region, where after 20 iterations the "
                        + "critic rises evenly from the fakes to the data.",
                        "WGAN-GP 在真實樣本 x_r 和生成樣本 x_g 之間的線段上取 x′，並把那裡的 ‖∇D(x′)‖ 推向 1：P_G 和 P_data（x = 2 的資料線）之間的帶狀區域就是懲罰區，訓練 20 次迭代後判別器在這裡從生成點均勻地升到資料。",
                        "WGAN-GP 在真实样本 x_r 和生成样本 x_g 之间的线段上取 x′，并把那里的 ‖∇D(x′)‖ 推向 1：P_G 和 P_data（x = 2 的数据线）之间的带状区域就是惩罚区，训练 20 次迭代后判别器在这里从生成点均匀地升到数据。"),
                t("Step the critic a few times and look at the critic surface between the lines; set λ to 0 and compare.",
                        "讓判別器走幾步，看兩條線之間的判別器曲面；把 λ 設成 0 比較看看。",
                        "让判别器走几步，看两条线之间的判别器曲面；把 λ 设成 0 比较看看。"),
                "000 L413-417; 001 L903-907; 002 L1021-1036; 003 L512-526; 004 L86-88",
                // The data line at x = 2, away from G's initial line near the origin, so the band between them shows.
                Presets.get("two-lines-wgan").withData("segment(2,0,2,1)"), "critic", 20));

        list.add(training("S12",
                t("Sigmoid flat tails vs LSGAN", "Sigmoid 的平坦尾巴 vs LSGAN", "Sigmoid 的平坦尾巴 vs LSGAN"),
                t("Generated points sit far left of the real ones. A sigmoid discriminator saturates there: its slope is ≈ 0, "
                        + "so the generated points get no push to the right.",
                        "生成的點在真實資料的左邊很遠。Sigmoid 判別器在那裡飽和：斜率 ≈ 0，生成的點得不到往右推的力量。",
                        "生成的点在真实数据的左边很远。Sigmoid 判别器在那里饱和：斜率 ≈ 0，生成的点得不到往右推的力量。"),
                t("Train a few iterations and look at the arrows on the generated points; then switch the objective to LSGAN.",
                        "訓練幾次迭代，看生成點上的箭頭；再把目標函數換成 LSGAN。",
                        "训练几次迭代，看生成点上的箭头；再把目标函数换成 LSGAN。"),
                "003 L39-47; 004 L29-36",
                // D trained to convergence before each G step, as the theory asks: it saturates on the fakes.
                oneD.withData("normal(4,0.3)").withObjective(Objective.minimax())
                        .withOptions(TrainerOptions.none().withRetrainCritic(500, 1e-3)), "critic", 5, "cfg-lipschitz",
                "compare"));

        list.add(training("S13",
                t("Mode collapse", "模式崩潰", "模式崩溃"),
                t("Eight real modes on a ring. After 600 iterations of the −log D loss every generated sample sits in one "
                        + "corner, on one or two of the eight modes: G puts its samples where D is fooled, and "
                        + "KL(P_G‖P_data) punishes unrealistic samples hard but missing modes barely at all.",
                        "環上有八個真實模式。用 −log D 損失訓練 600 次迭代後，所有生成樣本都擠在一個角落、只落在八個模式中的一兩個上：G 把樣本放在騙得過 D 的地方，而 KL(P_G‖P_data) 重罰不真實的樣本，幾乎不罰漏掉的模式。",
                        "环上有八个真实模式。用 −log D 损失训练 600 次迭代后，所有生成样本都挤在一个角落、只落在八个模式中的一两个上：G 把样本放在骗得过 D 的地方，而 KL(P_G‖P_data) 重罚不真实的样本，几乎不罚漏掉的模式。"),
                t("Press Play and count the modes the generated samples reach; then toggle JS ↔ W to train the same setup "
                        + "with WGAN-GP.",
                        "按播放並數生成樣本到達了幾個模式；再切換 JS ↔ W，用 WGAN-GP 訓練同樣的設定。",
                        "按播放并数生成样本到达了几个模式；再切换 JS ↔ W，用 WGAN-GP 训练同样的设定。"),
                // A discriminator much slower than G (lr 2e-5 vs 1e-3) lets G chase the one region D currently
                // rates real, so the collapse shows within a few hundred iterations.
                "001 L1105-1120; 003 L289-291", ring.withGeneratorOptimizer(OptimizerSpec.adam(1e-3, 0.5, 0.999))
                        .withCriticOptimizer(OptimizerSpec.adam(2e-5, 0.5, 0.999)), "samples", 600));

        list.add(training("S14",
                t("Mode dropping", "模式遺失", "模式丢失"),
                t("The real distribution is a wide 5×5 grid; after 400 iterations the generated samples cover only part of "
                        + "it (the centre and two arms; the outer modes on the left and at the bottom get almost nothing), and the covered part moves from one iteration to the next.",
                        "真實分佈是寬廣的 5×5 格點；訓練 400 次迭代後，生成樣本只覆蓋其中一部分（中心和兩條手臂；左邊和下方外圍的模式幾乎沒有樣本），而且覆蓋的部分每次迭代都在移動。",
                        "真实分布是宽广的 5×5 格点；训练 400 次迭代后，生成样本只覆盖其中一部分（中心和两条手臂；左边和下方外围的模式几乎没有样本），而且覆盖的部分每次迭代都在移动。"),
                t("Play slowly (5 it/s) and watch the covered region wander; compare with the WGAN-GP toggle.",
                        "用慢速（5 次/秒）播放，看覆蓋區域游移；和 WGAN-GP 切換比較。",
                        "用慢速（5 次/秒）播放，看覆盖区域游移；和 WGAN-GP 切换比较。"),
                "001 L1126-1146",
                // G faster than D (lr 1e-3 vs 1e-4): G covers the part of the grid D currently rates real.
                Presets.get("grid25-wgan-gp").withObjective(Objective.nonSaturating()).withSteps(1, 1)
                        .withGeneratorOptimizer(OptimizerSpec.adam(1e-3, 0.5, 0.999))
                        .withCriticOptimizer(OptimizerSpec.adam(1e-4, 0.5, 0.999)), "samples", 400));

        list.add(training("S17",
                t("Turn left or right", "向左轉或向右轉", "向左转或向右转"),
                t("The same situation has two right answers, −2 and +2. Regression with the MSE loss answers their average "
                        + "(the dashed line: the data mean, ≈ 0), which is neither; after 1000 iterations the generator "
                        + "sends each z to one of the two answers.",
                        "同樣的情況有兩個正確答案：−2 和 +2。用 MSE 損失的迴歸會回答它們的平均（虛線：資料平均，約 0），兩個都不是；訓練 1000 次迭代後，生成器把每個 z 送到兩個答案之一。",
                        "同样的情况有两个正确答案：−2 和 +2。用 MSE 损失的回归会回答它们的平均（虚线：数据平均，约 0），两个都不是；训练 1000 次迭代后，生成器把每个 z 送到两个答案之一。"),
                t("Press Reset and step: G(z) starts near the average and splits into the two answers; the MSE line stays "
                        + "in between.",
                        "按重設再一步步走：G(z) 一開始在平均值附近，然後分成兩個答案；MSE 的線一直停在中間。",
                        "按重设再一步步走：G(z) 一开始在平均值附近，然后分成两个答案；MSE 的线一直停在中间。"),
                "001 L61-108",
                oneD.withData("mixture(0.5*normal(-2,0.1),0.5*normal(2,0.1))"), "map", 1000, "compare",
                "show-internals", "cfg-lipschitz"));

        // Weight clipping as the WGAN paper trains it (Algorithm 1: RMSProp, lr 5e-5, for critic and generator): the
        // lecture says not to use a momentum-based optimiser (Adam, momentum) there and recommends RMSProp (003 L139,
        // L395-397).
        Experiment clip = Presets.get("ring8-wgan-gp").withObjective(Objective.wganClip(Objective.DEFAULT_CLIP))
                .withCriticOptimizer(OptimizerSpec.rmsProp(WGAN_RMSPROP_LR))
                .withGeneratorOptimizer(OptimizerSpec.rmsProp(WGAN_RMSPROP_LR));
        list.add(training("S18",
                t("Clipped weights pile at ±c", "截斷後的權重堆在 ±c", "截断后的权重堆在 ±c"),
                t("Weight clipping with c = 0.01, trained with RMSProp as the WGAN paper does: after training, the critic's "
                        + "weights pile up at −c and +c. A gradient penalty instead leaves them spread out.",
                        "權重截斷 c = 0.01，像 WGAN 論文一樣用 RMSProp 訓練：訓練後判別器的權重堆在 −c 和 +c。用梯度懲罰則權重分佈比較散開。",
                        "权重截断 c = 0.01，像 WGAN 论文一样用 RMSProp 训练：训练后判别器的权重堆在 −c 和 +c。用梯度惩罚则权重分布比较散开。"),
                t("Play and watch the histograms fill the two ends; switch the constraint to gradient penalty and compare.",
                        "播放並看直方圖兩端堆高；把限制換成梯度懲罰比較看看。",
                        "播放并看直方图两端堆高；把限制换成梯度惩罚比较看看。"),
                "003 L470-482", clip, "internals", 100));

        // A deeper critic (6 hidden layers) than the preset's so the decay / growth from layer to layer shows,
        // as in the WGAN-GP paper's Fig. 1b; the figure beside the caption trains the same critic with each c.
        list.add(figure("S19",
                t("Gradient per layer vs c", "每層的梯度 vs c", "每层的梯度 vs c"),
                t("Gradient norm ‖∇W‖ of each critic layer's weights after 30 iterations (log scale). Under weight clipping with "
                        + "c = 0.001 they are tiny (about 1e-13) and smallest towards the input layers: they vanish; with "
                        + "c = 0.1 they are large (10 to 100): they explode. The gradient penalty constrains the critic's "
                        + "slope in x, ‖∇ₓD‖, towards 1, not these weight gradients: they stay between 1 and 10 at every "
                        + "layer, neither vanishing nor exploding.",
                        "判別器每一層權重的梯度大小 ‖∇W‖，訓練 30 次迭代後（對數刻度）。權重截斷 c = 0.001 時梯度非常小（約 1e-13），越往輸入層越小：梯度消失；c = 0.1 時梯度很大（10 到 100）：梯度爆炸。梯度懲罰限制的是判別器對 x 的斜率 ‖∇ₓD‖（推向 1），不是這些權重的梯度：它們在每一層都介於 1 到 10 之間，既不消失也不爆炸。",
                        "判别器每一层权重的梯度大小 ‖∇W‖，训练 30 次迭代后（对数刻度）。权重截断 c = 0.001 时梯度非常小（约 1e-13），越往输入层越小：梯度消失；c = 0.1 时梯度很大（10 到 100）：梯度爆炸。梯度惩罚限制的是判别器对 x 的斜率 ‖∇ₓD‖（推向 1），不是这些权重的梯度：它们在每一层都介于 1 到 10 之间，既不消失也不爆炸。"),
                t("Compare the four curves of the figure (c = 0.001, 0.01, 0.1 and GP); then set the clip field to 0.1 and "
                        + "watch the per-layer norms below jump by orders of magnitude.",
                        "比較圖中的四條曲線（c = 0.001、0.01、0.1 和 GP）；再把截斷值 c 設成 0.1，看下方每層的梯度跳升好幾個數量級。",
                        "比较图中的四条曲线（c = 0.001、0.01、0.1 和 GP）；再把截断值 c 设成 0.1，看下方每层的梯度跳升好几个数量级。"),
                "003 L484-490",
                // RMSProp at the preset's critic rate 1e-3: at the paper's 5e-5 the weights barely move in 30
                // iterations and c = 0.1 stays at ‖∇W‖ ≈ 0.02 instead of exploding (measured: 13 to 110 at 1e-3).
                clip.withObjective(Objective.wganClip(0.001)).withCritic(NetworkSpec.relu(64, 64, 64, 64, 64, 64))
                        .withCriticOptimizer(OptimizerSpec.rmsProp(1e-3)),
                "internals", 30, SceneFigure.LAYER_GRADIENTS));

        // The data line at x = 2, away from G's initial line near the origin: disjoint with a clear gap, so a
        // trained D saturates (Arjovsky and Bottou's setting: supports disjoint).
        list.add(figure("S20",
                t("Retrain D on a frozen G", "在固定的 G 上重新訓練 D", "在固定的 G 上重新训练 D"),
                t("The theory says: train D to convergence before every G step. The figure freezes G and trains a fresh D on "
                        + "it: as D learns to separate the disjoint lines, G's gradient under log(1 − D) falls towards 0 "
                        + "(log scale), while under −log D it does not vanish.",
                        "理論上每次更新 G 前都要把 D 訓練到收斂。圖中固定 G、重新訓練一個 D：D 越能分開不相交的兩條線，G 在 log(1 − D) 下的梯度就越趨近 0（對數刻度），而 −log D 的梯度不會消失。",
                        "理论上每次更新 G 前都要把 D 训练到收敛。图中固定 G、重新训练一个 D：D 越能分开不相交的两条线，G 在 log(1 − D) 下的梯度就越趋近 0（对数刻度），而 −log D 的梯度不会消失。"),
                t("Step one iteration at a time: before each G step D is trained to convergence, continuing from its previous "
                        + "weights as practice does (the figure re-initialises it, as the theory says), and the generated "
                        + "line hardly moves. Then switch the objective to non-saturating (−log D) and compare.",
                        "一次走一個迭代：每次更新 G 前 D 都訓練到收斂，像實務上那樣從上一次的權重接著訓練（圖中則照理論重新初始化），生成的線幾乎不動。再把目標函數換成非飽和（−log D）比較看看。",
                        "一次走一个迭代：每次更新 G 前 D 都训练到收敛，像实务上那样从上一次的权重接着训练（图中则照理论重新初始化），生成的线几乎不动。再把目标函数换成非饱和（−log D）比较看看。"),
                "003 L261, L302",
                lines.withData("segment(2,0,2,1)").withObjective(Objective.minimax())
                        .withOptions(TrainerOptions.none().withRetrainCritic(500, 1e-3)),
                "charts", 10, SceneFigure.GENERATOR_GRADIENT_PROBE, "compare"));

        list.add(training("S21",
                t("Instance-noise annealing", "實例雜訊退火", "实例噪声退火"),
                t("Gaussian noise ε added to real and fake samples makes the two lines' distributions overlap, so JS becomes "
                        + "informative: the optimal D's loss is min L_D = 2 log 2 − 2 JS(P_r+ε ‖ P_g+ε), below 2 log 2 "
                        + "and falling as the lines approach. The noise σ is annealed from 0.5 to 0 over 2000 iterations. "
                        + "After 1000 of them (σ = 0.25) the generated line, which started across the data line, lies along it.",
                        "對真實和生成樣本加高斯雜訊 ε，讓兩條線的分佈重疊，JS 就有意義了：最佳判別器的損失是 min L_D = 2 log 2 − 2 JS(P_r+ε ‖ P_g+ε)，小於 2 log 2，兩條線越靠近就越小。雜訊 σ 在 2000 次迭代中從 0.5 退火到 0。訓練 1000 次迭代後（σ = 0.25），原本斜穿資料線的生成線已經躺在資料線上。",
                        "对真实和生成样本加高斯噪声 ε，让两条线的分布重叠，JS 就有意义了：最优判别器的损失是 min L_D = 2 log 2 − 2 JS(P_r+ε ‖ P_g+ε)，小于 2 log 2，两条线越靠近就越小。噪声 σ 在 2000 次迭代中从 0.5 退火到 0。训练 1000 次迭代后（σ = 0.25），原本斜穿数据线的生成线已经躺在数据线上。"),
                t("Press Reset and Play to watch the line turn while σ shrinks; compare with S3, where JS is stuck.",
                        "按重設再播放，看生成的線在 σ 變小時轉向資料；和 JS 卡住的 S3 比較。",
                        "按重设再播放，看生成的线在 σ 变小时转向数据；和 JS 卡住的 S3 比较。"),
                "003 L304-320",
                lines.withOptions(TrainerOptions.none().withInstanceNoise(0.5, 2000)), "samples", 1000));

        for (Scene s : list) {
            if (m.put(s.id(), s) != null) {
                throw new IllegalStateException("duplicate scene id " + s.id());
            }
        }
        return Collections.unmodifiableMap(m);
    }
}
