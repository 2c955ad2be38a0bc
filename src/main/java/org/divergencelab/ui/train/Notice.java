package org.divergencelab.ui.train;

/**
 * A message from the training thread for the status line: a bundle key and its arguments (engine texts,
 * such as the divergence guard's reason, are passed as arguments). {@code error} shows it as a warning.
 */
public record Notice(String key, boolean error, Object... args) {
}
