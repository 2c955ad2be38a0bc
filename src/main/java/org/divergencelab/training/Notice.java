package org.divergencelab.training;

/**
 * A message from the training thread for the status line: a bundle key and its arguments (an engine message,
 * such as the divergence guard's reason, is passed as a {@link org.divergencelab.gan.EngineMessage} and
 * translated by the view). {@code error} shows it as a warning.
 */
public record Notice(String key, boolean error, Object... args) implements TrainingEvent {
}
