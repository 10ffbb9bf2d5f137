package io.aiplatform.worker.resources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The table mappings document that selects exactly a system's tables of the source schema. */
final class DmsTableMappings {

  private DmsTableMappings() {}

  static String of(String schema, List<String> tables, JsonMapper json) {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (String table : tables) {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("rule-type", "selection");
      rule.put("rule-id", String.valueOf(rules.size() + 1));
      rule.put("rule-name", "include-" + table);
      rule.put("object-locator", Map.of("schema-name", schema, "table-name", table));
      rule.put("rule-action", "include");
      rules.add(rule);
    }
    return json.writeValueAsString(Map.of("rules", rules));
  }
}
