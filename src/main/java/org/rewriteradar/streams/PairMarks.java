package org.rewriteradar.streams;

/**
 * The values of {@code pair-store}, which remembers per article the pairs it took part in, so that a pair
 * is scored once: key {@code <local id>\0<other id>} on the partition of the local article (swept with it).
 *
 * <ul>
 *   <li>{@link #SENT}: the local article's candidates step sent it to be scored against the other;
 *   <li>{@link #SCORED}: the local article was scored here against the other, which had been sent.
 * </ul>
 *
 * A pair can be found from both sides at once (each article met the other in a bucket of a different
 * partition before its own probe got there): both sides then send, each finds its own {@link #SENT} mark
 * where it is sent to, and only the side whose local id is the smaller scores.
 */
final class PairMarks {

    static final long SENT = 1;
    static final long SCORED = 2;

    private PairMarks() {}

    static String key(String localId, String otherId) {
        return localId + '\u0000' + otherId;
    }
}
