package io.aiplatform.terraformchecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** No security group allows ingress from anywhere (0.0.0.0/0 or ::/0). */
final class IngressCheck implements Check {

  private static final Set<String> ANYWHERE = Set.of("0.0.0.0/0", "::/0");

  @Override
  public List<String> violations(TerraformModule module) {
    List<String> violations = new ArrayList<>();
    module
        .blocksOfType("resource", "aws_security_group")
        .forEach(
            (name, group) -> {
              Map<String, Object> body = Hcl.map(group);
              List<Map<String, Object>> rules = new ArrayList<>(Hcl.blocks(body.get("ingress")));
              Hcl.blocks(Hcl.map(body.get("dynamic")).get("ingress"))
                  .forEach(dynamic -> rules.addAll(Hcl.blocks(dynamic.get("content"))));
              if (rules.stream().anyMatch(IngressCheck::openCidrBlocks)) {
                violations.add(where(module, "aws_security_group", name));
              }
            });
    module
        .blocksOfType("resource", "aws_security_group_rule")
        .forEach(
            (name, rule) -> {
              Map<String, Object> body = Hcl.map(rule);
              if ("ingress".equals(body.get("type")) && openCidrBlocks(body)) {
                violations.add(where(module, "aws_security_group_rule", name));
              }
            });
    module
        .blocksOfType("resource", "aws_vpc_security_group_ingress_rule")
        .forEach(
            (name, rule) -> {
              Map<String, Object> body = Hcl.map(rule);
              if (Hcl.strings(body.get("cidr_ipv4")).stream().anyMatch(ANYWHERE::contains)
                  || Hcl.strings(body.get("cidr_ipv6")).stream().anyMatch(ANYWHERE::contains)) {
                violations.add(where(module, "aws_vpc_security_group_ingress_rule", name));
              }
            });
    return violations;
  }

  private static boolean openCidrBlocks(Map<String, Object> rule) {
    return Hcl.strings(rule.get("cidr_blocks")).stream().anyMatch(ANYWHERE::contains)
        || Hcl.strings(rule.get("ipv6_cidr_blocks")).stream().anyMatch(ANYWHERE::contains);
  }

  private static String where(TerraformModule module, String type, String name) {
    return module.dir() + ": " + type + "." + name + " allows ingress from anywhere";
  }
}
