package org.rewriteradar.streams;

/** Decodes records of the service's changelog topics for tests outside this package (the fault suite). */
public final class StoreRecords {

    private StoreRecords() {}

    /** An {@code article-store} changelog value, as the store holds it. */
    public static StoredArticle storedArticle(byte[] value) {
        return RadarTopology.STORED_ARTICLE_SERDE.deserializer().deserialize("article-store-changelog", value);
    }
}
