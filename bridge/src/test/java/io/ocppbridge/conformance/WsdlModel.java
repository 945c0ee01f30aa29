package io.ocppbridge.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The canonical form of one WSDL: a tree of named nodes, each with a sorted set of properties.
 *
 * <p>A node's path names it from the top, for example
 * {@code complexType BootNotificationRequest: sequence: element iccid}; its properties are the
 * wire-relevant facts about it, with QNames already resolved and defaults filled in, for example
 * {@code maxOccurs -> 1} or {@code type -> xs:string}. Two WSDLs that put the same things on the
 * wire have equal models, whatever their prefixes, layout, comments and documentation.
 *
 * <p>Built by {@link WsdlReader}; compared with {@link #differencesFrom(WsdlModel)}.
 */
final class WsdlModel {

  private final String source;
  private final Map<String, SortedMap<String, String>> nodes = new TreeMap<>();
  private final Map<String, String> parents = new HashMap<>();

  WsdlModel(String source) {
    this.source = source;
  }

  /** Where the model was read from (a file name), for messages. */
  String source() {
    return source;
  }

  /** Adds (or returns) the node at {@code path}, below {@code parent} ({@code null} at the top). */
  SortedMap<String, String> node(String path, String parent) {
    parents.putIfAbsent(path, parent);
    return nodes.computeIfAbsent(path, p -> new TreeMap<>());
  }

  boolean has(String path) {
    return nodes.containsKey(path);
  }

  /** The properties of a node, or an empty map when there is no such node. */
  Map<String, String> properties(String path) {
    return Collections.unmodifiableMap(nodes.getOrDefault(path, new TreeMap<>()));
  }

  /** A copy of this model with one property set ({@code value == null} removes it). */
  WsdlModel withProperty(String path, String name, String value) {
    if (!has(path)) {
      throw new IllegalArgumentException("no node " + path + " in " + source);
    }
    WsdlModel copy = copy(source + " (modified)");
    if (value == null) {
      copy.nodes.get(path).remove(name);
    } else {
      copy.nodes.get(path).put(name, value);
    }
    return copy;
  }

  /** A copy of this model without the node at {@code path} and everything below it. */
  WsdlModel without(String path) {
    if (!has(path)) {
      throw new IllegalArgumentException("no node " + path + " in " + source);
    }
    WsdlModel copy = copy(source + " (modified)");
    copy.nodes.keySet().removeIf(p -> p.equals(path) || p.startsWith(path + ": "));
    copy.parents.keySet().retainAll(copy.nodes.keySet());
    return copy;
  }

  /**
   * Every difference between this model ("ours") and {@code reference}, one readable line each:
   * <ul>
   *   <li>{@code <path> <property> <ours> != <reference>} when a property differs
   *       ({@code (none)} stands for an absent property);</li>
   *   <li>{@code <path>: missing (the reference has it)} when only the reference has a node;</li>
   *   <li>{@code <path>: not in the reference} when only ours has it.</li>
   * </ul>
   * A missing or extra node is reported once, not once for each node below it.
   * An empty list means the two are wire-identical.
   */
  List<String> differencesFrom(WsdlModel reference) {
    List<String> out = new ArrayList<>();
    TreeSet<String> paths = new TreeSet<>(nodes.keySet());
    paths.addAll(reference.nodes.keySet());
    for (String path : paths) {
      if (!has(path)) {
        String parent = reference.parents.get(path);
        if (parent == null || has(parent)) {
          out.add(path + ": missing (the reference has it)");
        }
      } else if (!reference.has(path)) {
        String parent = parents.get(path);
        if (parent == null || reference.has(parent)) {
          out.add(path + ": not in the reference");
        }
      } else {
        Map<String, String> ours = nodes.get(path);
        Map<String, String> theirs = reference.nodes.get(path);
        TreeSet<String> names = new TreeSet<>(ours.keySet());
        names.addAll(theirs.keySet());
        for (String name : names) {
          String a = ours.get(name);
          String b = theirs.get(name);
          if (!Objects.equals(a, b)) {
            out.add(path + " " + name + " " + show(a) + " != " + show(b));
          }
        }
      }
    }
    return out;
  }

  /** The whole model, one node a line, for debugging. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(source).append('\n');
    nodes.forEach((path, props) -> sb.append(path).append(' ').append(props).append('\n'));
    return sb.toString();
  }

  private WsdlModel copy(String newSource) {
    WsdlModel copy = new WsdlModel(newSource);
    nodes.forEach((path, props) -> copy.nodes.put(path, new TreeMap<>(props)));
    copy.parents.putAll(parents);
    return copy;
  }

  private static String show(String value) {
    return value == null ? "(none)" : value;
  }
}
