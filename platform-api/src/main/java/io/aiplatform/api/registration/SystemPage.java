package io.aiplatform.api.registration;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of systems, newest first.
 *
 * @param items the systems
 * @param nextCursor pass as {@code cursor} for the next page; {@code null} on the last page
 */
record SystemPage(
    @JsonProperty("items") List<SystemView> items,
    @JsonProperty("next_cursor") String nextCursor) {}
