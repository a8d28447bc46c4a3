package fr.cnam.aam.app.feed;

import java.util.List;
import java.util.Map;

/**
 * A page of the feed: CloudEvents 1.0 in JSON (structured mode), in the store's global order, and {@code next}, the
 * {@code after} to ask with next time (it may pass internal events and positions that hold none).
 */
record FeedPage(List<Map<String, Object>> events, long next) {
}
