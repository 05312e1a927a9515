package dev.dockfit.cli.fix;

import java.util.ArrayList;
import java.util.List;

/** A unified diff (3 lines of context) of two texts, from a longest-common-subsequence of their lines. */
final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    static String of(String oldName, String newName, String a, String b) {
        List<String> x = lines(a);
        List<String> y = lines(b);
        int n = x.size();
        int m = y.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        record Op(char kind, String line, int oldLine, int newLine) {
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && x.get(i).equals(y.get(j))) ops.add(new Op(' ', x.get(i), i++, j++));
            else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.add(new Op('-', x.get(i), i++, j));
            else ops.add(new Op('+', y.get(j), i, j++));
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldName).append('\n').append("+++ ").append(newName).append('\n');
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k).kind() == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            int lastChange = k;
            while (end < ops.size()) {
                if (ops.get(end).kind() != ' ') lastChange = end;
                else if (end - lastChange > 2 * CONTEXT) break;
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            int oldStart = ops.get(start).oldLine();
            int newStart = ops.get(start).newLine();
            int oldCount = 0;
            int newCount = 0;
            StringBuilder hunk = new StringBuilder();
            for (int h = start; h < end; h++) {
                Op op = ops.get(h);
                if (op.kind() != '+') oldCount++;
                if (op.kind() != '-') newCount++;
                hunk.append(op.kind()).append(display(op.line())).append('\n');
                if (!op.line().endsWith("\n")) hunk.append("\\ No newline at end of file\n");
            }
            out.append("@@ -").append(oldCount == 0 ? oldStart : oldStart + 1).append(',').append(oldCount)
                    .append(" +").append(newCount == 0 ? newStart : newStart + 1).append(',').append(newCount)
                    .append(" @@\n").append(hunk);
            k = end;
        }
        return out.toString();
    }

    private static String display(String line) {
        return line.endsWith("\r\n") ? line.substring(0, line.length() - 2) : line.endsWith("\n")
                ? line.substring(0, line.length() - 1) : line;
    }

    /** Lines with their line breaks kept, so a changed line ending shows as a change. */
    private static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        int at = 0;
        while (at < s.length()) {
            int nl = s.indexOf('\n', at);
            int end = nl < 0 ? s.length() : nl + 1;
            out.add(s.substring(at, end));
            at = end;
        }
        return out;
    }
}
