package org.divergencelab.ui;

import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The desktop app. Until the training view lands this window says what is coming, so that
 * {@code mvn javafx:run} and {@code java -jar} already open something honest.
 */
public final class LabApp extends Application {

    /** Launches the JavaFX application (blocks until the window closes). */
    public static void launchApp(String[] args) {
        Application.launch(LabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Divergence Lab");
        stage.setScene(new Scene(comingSoon(), 960, 600));
        stage.show();
    }

    /** The placeholder content: the app's promise and what is being built. */
    static VBox comingSoon() {
        Label title = new Label("Divergence Lab");
        title.setId("title");
        title.setStyle("-fx-font-size: 36px; -fx-font-weight: bold;");
        Label tagline = new Label("See why GANs train the way they do: JS divergence freezes at log 2 "
                + "while the Wasserstein distance keeps shrinking.");
        tagline.setWrapText(true);
        tagline.setStyle("-fx-font-size: 18px;");
        Label coming = new Label("""
                Coming in this window:
                  • training view: samples, densities, critic surface, gradients, estimate vs truth
                  • sandbox: drag distributions apart, see JS, KL and W1 with the transport plan
                  • lecture scenes: the figures of the GAN-theory and WGAN lectures, replayed
                  • image mode: a small image GAN on the CPU or an NVIDIA GPU

                Available now from the command line: java -jar target/divergence-lab.jar --help""");
        coming.setStyle("-fx-font-size: 16px;");
        VBox box = new VBox(24, title, tagline, coming);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(48));
        return box;
    }
}
