package dev.dockfit.image.analysis;

import dev.dockfit.image.analysis.ImageReport.UserInfo;
import dev.dockfit.image.fs.MergedFilesystem;

/**
 * Resolves the config's {@code User} ({@code name}, {@code uid}, {@code name:group}, {@code uid:gid}) against the
 * image's own /etc/passwd and /etc/group. Empty, {@code 0} and {@code root} all mean root; so does any name whose
 * passwd entry has uid 0.
 */
final class UserResolver {
    static final String PASSWD = "/etc/passwd";
    static final String GROUP = "/etc/group";

    private UserResolver() {
    }

    static UserInfo resolve(String raw, MergedFilesystem fs) {
        String spec = raw == null ? "" : raw.strip();
        String userPart = spec;
        String groupPart = null;
        int colon = spec.indexOf(':');
        if (colon >= 0) {
            userPart = spec.substring(0, colon);
            groupPart = spec.substring(colon + 1);
        }
        String passwd = fs.readText(PASSWD).orElse("");
        String group = fs.readText(GROUP).orElse("");
        long uid;
        long gid = -1;
        String name = null;
        boolean known = true;
        if (userPart.isEmpty()) {
            uid = 0;
            String[] e = byUid(passwd, 0);
            name = e == null ? "root" : e[0];
            gid = e == null ? 0 : parse(e[3]);
        } else if (isNumber(userPart)) {
            uid = Long.parseLong(userPart);
            String[] e = byUid(passwd, uid);
            if (e != null) {
                name = e[0];
                gid = parse(e[3]);
            }
        } else {
            String[] e = byName(passwd, userPart);
            if (e == null) {
                known = false;
                uid = userPart.equals("root") ? 0 : -1;
                name = userPart;
            } else {
                name = e[0];
                uid = parse(e[2]);
                gid = parse(e[3]);
            }
        }
        if (groupPart != null && !groupPart.isEmpty()) {
            if (isNumber(groupPart)) {
                gid = Long.parseLong(groupPart);
            } else {
                String[] g = byName(group, groupPart);
                if (g == null) {
                    known = false;
                    gid = -1;
                } else {
                    gid = parse(g[2]);
                }
            }
        }
        return new UserInfo(raw == null ? "" : raw, uid, gid, name, uid == 0, known);
    }

    /** True when a numeric uid has a passwd entry (tools that look up $HOME need one). */
    static boolean hasPasswdEntry(long uid, MergedFilesystem fs) {
        return byUid(fs.readText(PASSWD).orElse(""), uid) != null;
    }

    private static String[] byName(String file, String name) {
        for (String line : file.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 4 && f[0].equals(name)) return f;
        }
        return null;
    }

    private static String[] byUid(String file, long uid) {
        for (String line : file.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 4 && isNumber(f[2]) && Long.parseLong(f[2]) == uid) return f;
        }
        return null;
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit);
    }

    private static long parse(String s) {
        return isNumber(s) ? Long.parseLong(s) : -1;
    }
}
