package org.divergencelab.training;

/**
 * What a {@link TrainingLoop} reports, in order, to whoever drives it: a chart point ({@link HistoryPoint}), a
 * model reset ({@link TrainingSession.Cleared}: charts of the new generation start empty), a status message
 * ({@link Notice}) or what a single Step D / Step G changed ({@link StepReport}). Sealed, so a consumer's
 * {@code switch} names every kind.
 */
public sealed interface TrainingEvent permits HistoryPoint, Notice, StepReport,
        TrainingSession.Cleared {
}
