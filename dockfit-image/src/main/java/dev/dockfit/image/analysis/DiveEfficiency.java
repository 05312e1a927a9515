package dev.dockfit.image.analysis;

import dev.dockfit.image.fs.EntryType;
import dev.dockfit.image.fs.FileEntry;
import dev.dockfit.image.fs.LayerFiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * dive's efficiency figures, computed the way dive computes them (dive/filetree/efficiency.go, image/analysis.go)
 * so users switching from dive see the same numbers. Deliberately kept apart from dockfit's own waste model
 * because dive's has known quirks: every leaf path that appears in two layers counts in full (the surviving copy
 * too), a deleted file counts 0 bytes for its whiteout, and opaque whiteouts are ignored.
 */
public final class DiveEfficiency {

    /** A path dive lists as inefficient: seen in {@code count} layers, {@code cumulativeBytes} in total. */
    public record InefficientPath(String path, int count, long cumulativeBytes) {
    }

    /** @param userWastedPercent a fraction (0.48 is 48 %), 0 when there is no user layer */
    public record Figures(double efficiency, long wastedBytes, double userWastedPercent, long sizeBytes,
                          long userSizeBytes, List<InefficientPath> inefficientPaths) {
    }

    private static final String WHITEOUT = ".wh.";

    /** dive's FileNode: payload (size, is-directory) plus children sorted by name. */
    private static final class Node {
        final String name;
        final Node parent;
        final TreeMap<String, Node> children = new TreeMap<>();
        long size;
        boolean isDir;

        Node(String name, Node parent) {
            this.name = name;
            this.parent = parent;
        }

        boolean isWhiteout() {
            return name.startsWith(WHITEOUT);
        }

        String path() {
            List<String> parts = new ArrayList<>();
            for (Node n = this; n.parent != null; n = n.parent) {
                parts.add(0, n == this && n.isWhiteout() ? n.name.substring(WHITEOUT.length()) : n.name);
            }
            return "/" + String.join("/", parts);
        }

        Node copy(Node newParent) {
            Node c = new Node(name, newParent);
            c.size = size;
            c.isDir = isDir;
            for (Node child : children.values()) c.children.put(child.name, child.copy(c));
            return c;
        }
    }

    private interface Visitor {
        /** @return false to stop the walk, as dive does when a visitor returns an error */
        boolean visit(Node node);
    }

    private DiveEfficiency() {
    }

    public static Figures compute(List<LayerFiles> layers) {
        List<Node> trees = new ArrayList<>();
        long sizeBytes = 0;
        long userSizeBytes = 0;
        for (int i = 0; i < layers.size(); i++) {
            Node root = new Node("", null);
            long layerSize = 0;
            for (FileEntry e : layers.get(i).entries()) {
                if (e.type() == EntryType.OPAQUE_WHITEOUT) continue; // dive never adds .wh..wh..opq
                String path = e.type() == EntryType.WHITEOUT ? whiteoutName(e.path()) : e.path();
                addPath(root, path, e.size(), e.isDirectory());
                layerSize += e.size();
            }
            trees.add(root);
            sizeBytes += layerSize;
            if (i != 0) userSizeBytes += layerSize;
        }

        Map<String, long[]> data = new HashMap<>(); // path -> {cumulative, minDiscovered, count}
        List<String> inefficient = new ArrayList<>();
        Node stacked = trees.isEmpty() ? null : trees.get(0).copy(null);
        int stackedUpTo = -1;
        for (int idx = 0; idx < trees.size(); idx++) {
            // dive restacks layers 0..idx-1 (layer 0 twice) for each whiteout; stacking incrementally is equal.
            while (stackedUpTo < idx - 1) stack(stacked, trees.get(++stackedUpTo));
            Node lower = stacked;
            visitLeaves(trees.get(idx), node -> {
                String path = node.path();
                long size;
                if (node.isWhiteout()) {
                    Node previous = find(lower, path);
                    if (previous == null) return false; // dive logs the error and skips the rest of the layer
                    size = previous.isDir ? subtreeSize(previous) : 0;
                } else {
                    size = node.size;
                }
                long[] d = data.computeIfAbsent(path, p -> new long[] {0, -1, 0});
                d[0] += size;
                if (d[1] < 0 || size < d[1]) d[1] = size;
                if (++d[2] == 2) inefficient.add(path);
                return true;
            });
        }
        long minimum = 0;
        long discovered = 0;
        for (long[] d : data.values()) {
            minimum += d[1];
            discovered += d[0];
        }
        double efficiency = discovered == 0 ? 1.0 : (double) minimum / discovered;
        long wasted = 0;
        List<InefficientPath> paths = new ArrayList<>();
        for (String p : inefficient) {
            long[] d = data.get(p);
            wasted += d[0];
            paths.add(new InefficientPath(p, (int) d[2], d[0]));
        }
        paths.sort(Comparator.comparingLong(InefficientPath::cumulativeBytes).reversed()
                .thenComparing(InefficientPath::path));
        double userWasted = userSizeBytes == 0 ? 0 : (double) wasted / userSizeBytes;
        return new Figures(efficiency, wasted, userWasted, sizeBytes, userSizeBytes, List.copyOf(paths));
    }

    private static String whiteoutName(String deletedPath) {
        int slash = deletedPath.lastIndexOf('/');
        return deletedPath.substring(0, slash + 1) + WHITEOUT + deletedPath.substring(slash + 1);
    }

    /** dive's FileTree.AddPath: creates missing parents with an empty payload, then sets the payload. */
    private static void addPath(Node root, String path, long size, boolean isDir) {
        Node node = root;
        String[] names = path.substring(1).split("/");
        for (int i = 0; i < names.length; i++) {
            Node child = node.children.get(names[i]);
            if (child == null) {
                if (names[i].startsWith(WHITEOUT + WHITEOUT)) return;
                child = new Node(names[i], node);
                node.children.put(names[i], child);
            }
            node = child;
            if (i == names.length - 1) {
                node.size = size;
                node.isDir = isDir;
            }
        }
    }

    private static Node find(Node root, String path) {
        Node node = root;
        for (String name : path.substring(1).split("/")) {
            if (name.isEmpty()) continue;
            node = node.children.get(name);
            if (node == null) return null;
        }
        return node;
    }

    /** dive's FileTree.Stack: every node of the upper tree, children first; whiteouts remove, others overwrite. */
    private static void stack(Node lower, Node upper) {
        visitAll(upper, node -> {
            if (node.isWhiteout()) {
                Node target = find(lower, node.path());
                if (target != null && target.parent != null) target.parent.children.remove(target.name);
            } else {
                addPath(lower, node.path(), node.size, node.isDir);
            }
            return true;
        });
    }

    private static long subtreeSize(Node node) {
        long sum = node.size;
        for (Node c : node.children.values()) sum += subtreeSize(c);
        return sum;
    }

    private static void visitLeaves(Node root, Visitor visitor) {
        walk(root, root, visitor, true);
    }

    private static void visitAll(Node root, Visitor visitor) {
        walk(root, root, visitor, false);
    }

    private static boolean walk(Node node, Node root, Visitor visitor, boolean leavesOnly) {
        for (Node child : List.copyOf(node.children.values())) {
            if (!walk(child, root, visitor, leavesOnly)) return false;
        }
        if (node == root) return true;
        if (leavesOnly && !node.children.isEmpty()) return true;
        return visitor.visit(node);
    }
}
