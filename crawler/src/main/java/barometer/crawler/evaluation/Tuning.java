package barometer.crawler.evaluation;

/** Whether the data a figure was measured on was used to shape the code or model. */
public enum Tuning {
    /** Never looked at while changing the code: the figure is an honest estimate for new data. */
    UNSEEN,
    /** The code, features or rules were changed after seeing results on this data: an optimistic figure. */
    TUNED,
    /** The model was fitted on this data (a training-set figure). */
    TRAINED,
    /** Nobody recorded it: read as tuned. */
    UNKNOWN
}
