package io.aiplatform.terraformchecks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for {@code terraform validate}, which needs providers: every {@code var.}, {@code
 * local.}, {@code module.}, {@code data.} and resource reference resolves to a declaration in the
 * same module; {@code module.x.y} names an output of x's source; module calls pass only the
 * variables the module declares and every one it requires; {@code each.} appears only in blocks
 * with {@code for_each}, {@code count.} only in blocks with {@code count}, and a dynamic block's
 * iterator only inside that dynamic block.
 */
final class ReferenceCheck implements Check {

  private static final String NAME = "([A-Za-z_][\\w-]*)";
  private static final Pattern VAR = Pattern.compile("(?<![\\w.])var\\." + NAME);
  private static final Pattern LOCAL = Pattern.compile("(?<![\\w.])local\\." + NAME);
  private static final Pattern MODULE =
      Pattern.compile("(?<![\\w.])module\\." + NAME + "(?:\\[[^\\]]*\\])?(?:\\." + NAME + ")?");
  private static final Pattern DATA = Pattern.compile("(?<![\\w.])data\\.(\\w+)\\." + NAME);
  private static final Pattern RESOURCE = Pattern.compile("(?<![\\w.])(aws_\\w+)\\." + NAME);
  private static final Pattern EACH = Pattern.compile("(?<![\\w.])each\\.(key|value)\\b");
  private static final Pattern COUNT = Pattern.compile("(?<![\\w.])count\\.index\\b");
  private static final Set<String> META_ARGUMENTS =
      Set.of("source", "version", "providers", "depends_on", "count", "for_each");

  private final Map<Path, Declarations> called = new HashMap<>();

  @Override
  public List<String> violations(TerraformModule module) {
    Declarations declared = Declarations.of(module);
    List<String> violations = new ArrayList<>();
    for (SourceBlock block : module.blocks()) {
      List<String> problems = new ArrayList<>(references(module, declared, block));
      if (!block.hasOwnAttribute("for_each")) {
        find(EACH, block, m -> false, "each.%s outside a for_each block", problems);
      }
      if (!block.hasOwnAttribute("count")) {
        find(COUNT, block, m -> false, "count.index outside a count block", problems);
      }
      problems.addAll(DynamicIterators.misplaced(block));
      if (block.kind().equals("module")) {
        problems.addAll(moduleArguments(module, block));
      }
      problems.forEach(p -> violations.add(block.location() + ": unresolved " + p));
    }
    return violations;
  }

  private List<String> references(
      TerraformModule module, Declarations declared, SourceBlock block) {
    List<String> problems = new ArrayList<>();
    find(VAR, block, m -> declared.variables().contains(m.group(1)), "var.%s", problems);
    find(LOCAL, block, m -> declared.locals().contains(m.group(1)), "local.%s", problems);
    find(DATA, block, m -> declared.dataSources().contains(pair(m)), "data.%s.%s", problems);
    find(RESOURCE, block, m -> declared.resources().contains(pair(m)), "%s.%s", problems);
    find(MODULE, block, m -> moduleOutputExists(module, declared, m), "module.%s.%s", problems);
    return problems;
  }

  private static String pair(Matcher m) {
    return m.group(1) + "." + m.group(2);
  }

  private static void find(
      Pattern pattern,
      SourceBlock block,
      Predicate<Matcher> resolves,
      String format,
      List<String> out) {
    Matcher m = pattern.matcher(block.body());
    while (m.find()) {
      if (!resolves.test(m)) {
        Object[] groups = new Object[m.groupCount()];
        for (int i = 0; i < groups.length; i++) {
          groups[i] = m.group(i + 1) == null ? "" : m.group(i + 1);
        }
        out.add(String.format(format, groups));
      }
    }
  }

  private boolean moduleOutputExists(TerraformModule module, Declarations declared, Matcher m) {
    if (!declared.modules().contains(m.group(1))) {
      return false;
    }
    Declarations target = calledModule(module, m.group(1));
    return m.group(2) == null || target == null || target.outputs().contains(m.group(2));
  }

  private List<String> moduleArguments(TerraformModule module, SourceBlock block) {
    Declarations target = calledModule(module, block.labels().get(0));
    if (target == null) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    List<String> arguments = block.ownAttributes();
    arguments.stream()
        .filter(a -> !META_ARGUMENTS.contains(a) && !target.variables().contains(a))
        .forEach(a -> problems.add("argument " + a + ": the module declares no such variable"));
    target.requiredVariables().stream()
        .filter(v -> !arguments.contains(v))
        .sorted()
        .forEach(v -> problems.add("required variable " + v + " is not passed"));
    return problems;
  }

  /** The declarations of a local module call's source, or null when it is not a local path. */
  private Declarations calledModule(TerraformModule module, String name) {
    Object source = Hcl.map(module.section("module").get(name)).get("source");
    if (!(source instanceof String path) || !path.startsWith(".")) {
      return null;
    }
    Path dir = module.dir().resolve(path).normalize();
    if (!Files.isDirectory(dir)) {
      return new Declarations(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }
    return called.computeIfAbsent(dir, d -> Declarations.of(TerraformModule.load(d)));
  }
}
