package org.entente.browse.view;

import java.util.List;

/**
 * The index of every country and territory, grouped by region and sub-region.
 *
 * @param frame   the head and foot
 * @param words   the page's words
 * @param summary how many territories and how many UN members ("257 countries and territories, 193 UN members")
 * @param regions the regions, each with its sub-regions, in the reader's alphabetical order
 */
public record StatesView(Frame frame, StatesWords words, String summary, List<RegionGroup> regions) {

    /** A region (Asia) and its sub-regions; {@code region} is null for territories CLDR places in none. */
    public record RegionGroup(Link region, List<SubregionGroup> subregions) {}

    /** A sub-region (Eastern Asia) and its territories; {@code subregion} is null for territories of no sub-region. */
    public record SubregionGroup(Link subregion, List<TerritoryEntry> territories) {}

    /**
     * One territory.
     *
     * @param territory its link, by its name in the reader's language
     * @param code      its ISO alpha-3 code, or its CLDR code where ISO assigned none
     * @param unMember  whether a source says it is a member of the United Nations
     */
    public record TerritoryEntry(Link territory, String code, boolean unMember) {}
}
