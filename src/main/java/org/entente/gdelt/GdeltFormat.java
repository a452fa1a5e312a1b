package org.entente.gdelt;

import java.util.Optional;

/**
 * The column layouts of GDELT event files, told apart by how many tab-separated columns a row has
 * (the files have no header). Both versions share the first 35 columns (id, dates, the two actors,
 * the event codes and counts); then come three geography blocks (actor 1, actor 2, the action),
 * which GDELT 2.0 gives an ADM2 code that 1.0 lacks, then the day the row was added and, except in
 * the 1.0 back files, the URL of the first article.
 */
public enum GdeltFormat {
    /** GDELT 1.0 back files: 57 columns, no source URL. */
    V1_BACKFILE(57, "1.0", 7),
    /** GDELT 1.0 daily files: 58 columns, the last the source URL. */
    V1_DAILY(58, "1.0", 7),
    /** GDELT 2.0 events export: 61 columns. */
    V2_EXPORT(61, "2.0", 8);

    public static final int GLOBALEVENTID = 0;
    public static final int SQLDATE = 1;
    /** Where the actor 1 block begins (code, name, country, known group, ethnic, religion 1 and 2, types 1 to 3). */
    public static final int ACTOR1 = 5;
    /** Where the actor 2 block begins. */
    public static final int ACTOR2 = 15;
    public static final int IS_ROOT_EVENT = 25;
    public static final int EVENT_CODE = 26;
    public static final int EVENT_BASE_CODE = 27;
    public static final int EVENT_ROOT_CODE = 28;
    public static final int QUAD_CLASS = 29;
    public static final int GOLDSTEIN = 30;
    public static final int NUM_MENTIONS = 31;
    public static final int NUM_SOURCES = 32;
    public static final int NUM_ARTICLES = 33;
    public static final int AVG_TONE = 34;
    private static final int GEO_START = 35;

    private final int columns;
    private final String version;
    private final int geoBlock;

    GdeltFormat(int columns, String version, int geoBlock) {
        this.columns = columns;
        this.version = version;
        this.geoBlock = geoBlock;
    }

    /** The layout of a row with so many columns, if GDELT has one. */
    public static Optional<GdeltFormat> ofColumns(int n) {
        for (GdeltFormat f : values())
            if (f.columns == n)
                return Optional.of(f);
        return Optional.empty();
    }

    public int columns() {
        return columns;
    }

    /** "1.0" or "2.0". */
    public String version() {
        return version;
    }

    /** Where the action's geography block begins: type, full name, FIPS country, ADM1, [ADM2,] lat, long, feature id. */
    public int actionGeo() {
        return geo(2);
    }

    /** Where a geography block begins: 0 for actor 1's, 1 for actor 2's, 2 for the action's. */
    public int geo(int block) {
        return GEO_START + block * geoBlock;
    }

    /** The offsets, within a geography block, of the full name, FIPS country, latitude, longitude and feature id. */
    public int geoName() {
        return 1;
    }

    public int geoCountry() {
        return 2;
    }

    public int geoLat() {
        return geoBlock - 3;
    }

    public int geoLong() {
        return geoBlock - 2;
    }

    public int geoFeatureId() {
        return geoBlock - 1;
    }

    public int actionGeoType() {
        return actionGeo();
    }

    public int actionGeoName() {
        return actionGeo() + 1;
    }

    public int actionGeoCountry() {
        return actionGeo() + 2;
    }

    public int actionGeoLat() {
        return actionGeo() + geoBlock - 3;
    }

    public int actionGeoLong() {
        return actionGeo() + geoBlock - 2;
    }

    public int actionGeoFeatureId() {
        return actionGeo() + geoBlock - 1;
    }

    /** The column of the first article's URL, or -1 for the 1.0 back files, which have none. */
    public int sourceUrl() {
        return this == V1_BACKFILE ? -1 : columns - 1;
    }
}
