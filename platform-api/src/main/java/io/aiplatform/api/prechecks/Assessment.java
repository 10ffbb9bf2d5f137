package io.aiplatform.api.prechecks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What a registration would do and whether it can succeed: the body of a dry run ({@code POST
 * /admin/systems?dry_run=true}).
 *
 * @param wouldSucceed whether every check passed
 * @param plan each resource the registration would make, and what would happen to it
 * @param checks each check made, passed or not
 */
public record Assessment(
    @JsonProperty("would_succeed") boolean wouldSucceed,
    @JsonProperty("plan") List<PlannedResource> plan,
    @JsonProperty("checks") List<Check> checks) {

  /** What would happen to a resource: made new, taken over, or refused for a name in use. */
  public enum Action {
    @JsonProperty("create")
    CREATE,
    @JsonProperty("adopt")
    ADOPT,
    @JsonProperty("conflict")
    CONFLICT
  }

  /**
   * One resource of the plan.
   *
   * @param kind the lower-case resource kind, as the record's {@code resources} name it
   * @param name the resource's name ({@code METHOD path} for a route)
   * @param action what would happen to it
   * @param settings what the registration decides about it
   */
  public record PlannedResource(
      @JsonProperty("kind") String kind,
      @JsonProperty("name") String name,
      @JsonProperty("action") Action action,
      @JsonProperty("settings") Map<String, Object> settings) {}

  /**
   * One check.
   *
   * @param check what was checked, such as {@code bucket-name-free}
   * @param resource the resource it is about
   * @param passed whether it passed
   * @param detail what was found
   */
  public record Check(
      @JsonProperty("check") String check,
      @JsonProperty("resource") String resource,
      @JsonProperty("passed") boolean passed,
      @JsonProperty("detail") String detail) {}

  /** The checks that failed. */
  public List<Check> failed() {
    return checks.stream().filter(c -> !c.passed()).toList();
  }
}
