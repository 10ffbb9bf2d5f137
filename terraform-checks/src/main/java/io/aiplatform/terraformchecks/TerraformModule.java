package io.aiplatform.terraformchecks;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Terraform module (a directory of {@code .tf} files), read twice: by hcl4j into nested maps
 * (blocks, attributes and literal values, for the security checks) and as {@link SourceBlock}s (for
 * the references between blocks, which hcl4j evaluates away).
 *
 * @param dir the module directory
 * @param tree hcl4j's view of all files merged: kind, then labels, then attributes
 * @param blocks every top-level block as source text
 */
record TerraformModule(Path dir, Map<String, Object> tree, List<SourceBlock> blocks) {

  /** Reads every module (directory holding {@code .tf} files) under {@code root}. */
  static List<TerraformModule> loadAll(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(p -> p.toString().endsWith(".tf") && !p.toString().contains("/.terraform/"))
          .map(Path::getParent)
          .distinct()
          .sorted()
          .map(TerraformModule::load)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the {@code .tf} files directly in {@code dir}. */
  static TerraformModule load(Path dir) {
    Map<String, Object> tree = new LinkedHashMap<>();
    List<SourceBlock> blocks = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".tf")).sorted().toList()) {
        String source = Files.readString(file);
        merge(tree, parse(file, source));
        blocks.addAll(SourceBlock.parse(file, source));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TerraformModule(dir, tree, blocks);
  }

  /** The blocks of one kind named by their labels, e.g. {@code resource} → type → name. */
  Map<String, Object> section(String kind) {
    return Hcl.map(tree.get(kind));
  }

  /** The resources (or data sources, with {@code kind = "data"}) of one type, by name. */
  Map<String, Object> blocksOfType(String kind, String type) {
    return Hcl.map(section(kind).get(type));
  }

  /** The source blocks of one kind. */
  List<SourceBlock> sourceBlocks(String kind) {
    return blocks.stream().filter(b -> b.kind().equals(kind)).toList();
  }

  /**
   * The source expression a resource gives one of its own attributes, or empty when it does not set
   * it. Needed where hcl4j cannot tell a literal {@code null} from a variable it evaluated.
   */
  Optional<String> ownExpression(String type, String name, String attribute) {
    Pattern assignment =
        Pattern.compile("(?m)^\\s*" + Pattern.quote(attribute) + "\\s*=\\s*(.*?)\\s*$");
    return sourceBlocks("resource").stream()
        .filter(b -> b.labels().equals(List.of(type, name)))
        .filter(b -> b.hasOwnAttribute(attribute))
        .map(b -> assignment.matcher(b.text()))
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .findFirst();
  }

  private static Map<String, Object> parse(Path file, String source) {
    try {
      return new HCLParser().parse(source);
    } catch (Exception e) {
      throw new IllegalStateException("hcl4j cannot parse " + file + ": " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> into, Map<String, Object> from) {
    from.forEach(
        (key, value) -> {
          Object existing = into.get(key);
          if (existing instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
            merge((Map<String, Object>) a, (Map<String, Object>) b);
          } else {
            into.put(key, value);
          }
        });
  }
}
