package org.divergencelab.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.MenuItem;

import org.divergencelab.lesson.SceneFiles;
import org.divergencelab.lesson.Scenes;
import org.divergencelab.ui.MainWindowFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A lecturer's scene file dropped into the user scenes folder shows in the Scenes menu; a bad one gives its message. */
class UserScenesTest extends MainWindowFixture {
    @TempDir
    Path folder;

    UserScenesTest() {
        super(1280, 800, null);
    }

    @AfterEach
    void close() throws Exception {
        System.clearProperty(SceneFiles.USER_FOLDER_PROPERTY);
        Scenes.reload();
    }

    private static final String USER_SCENE = """
            {"format": "divergence-lab/scene", "version": 1, "id": "S90", "mode": "sandbox",
             "title": {"en": "My two piles", "zh_TW": "我的兩堆土", "zh_CN": "我的两堆土"},
             "caption": {"en": "Two point masses 2 apart.", "zh_TW": "相距 2 的兩個點質量。", "zh_CN": "相距 2 的两个点质量。"},
             "try": {"en": "Drag Q.", "zh_TW": "拖動 Q。", "zh_CN": "拖动 Q。"},
             "citation": "003 L53-55",
             "sandbox": {"format": "divergence-lab-sandbox", "version": 1, "p": "point(0)", "q": "point(2)",
                         "samples": 64, "seed": 3, "plan": "OPTIMAL", "presentation": false, "hidden": ["brush"]}}
            """;

    private List<MenuItem> items() {
        return window.scenes().menu().getItems();
    }

    private MenuItem item(String id) {
        return items().stream().filter(i -> id.equals(i.getId())).findFirst().orElse(null);
    }

    @Test
    void droppedSceneFileAppearsAndOpens(FxRobot robot) throws Exception {
        int before = items().size();
        System.setProperty(SceneFiles.USER_FOLDER_PROPERTY, folder.toString());
        Files.writeString(folder.resolve("piles.json"), USER_SCENE, StandardCharsets.UTF_8);
        // a broken file beside it: a message in the menu, the other scenes (built-in and user) still there
        Files.writeString(folder.resolve("broken.json"), USER_SCENE.replace("\"mode\": \"sandbox\"", "\"mode\": \"sandbag\""),
                StandardCharsets.UTF_8);
        window.scenes().refresh().get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        MenuItem mine = item("scene-S90");
        assertTrue(mine != null, "S90 in the menu: " + items().stream().map(MenuItem::getText).toList());
        assertEquals("S90  My two piles", mine.getText());
        // id order: after every built-in scene, before the separator and the problem
        assertEquals(Scenes.ids().size() - 1, items().indexOf(mine));
        assertEquals(before + 3, items().size(), "the scenes + S90 + separator + one problem");
        MenuItem problem = item("scene-problem-0");
        assertTrue(problem.isDisable());
        assertTrue(problem.getText().contains("broken.json") && problem.getText().contains("\"mode\"")
                && problem.getText().contains("sandbag"), problem.getText());
        assertTrue(item("scene-S13") != null);

        WaitForAsyncUtils.asyncFx(mine::fire).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tab-sandbox", window.views().getSelectionModel().getSelectedItem().getId());
        assertEquals("point(2)", window.sandbox().state().q());
        assertEquals(64, window.sandbox().state().samples());

        // the lecturer removes the files: the menu is back to the built-in scenes
        Files.delete(folder.resolve("piles.json"));
        Files.delete(folder.resolve("broken.json"));
        window.scenes().refresh().get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, items().size());
        assertFalse(Scenes.ids().contains("S90"));
    }
}
