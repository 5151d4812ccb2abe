package jp.bousai.relay.core.area.directory;

/** The town whose representative point is nearest to a location, and how far that point is. */
public record NearestTown(Town town, double distanceMeters) {
}
