package dev.dockfit.image.packages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splits Debian control-file text (dpkg status) into stanzas of {@code Field: value}, folding continuation lines. */
final class ControlStanzas {

    private ControlStanzas() {
    }

    /** Stanzas in file order; a field name is kept as written, its value stripped; continuation lines dropped. */
    static List<Map<String, String>> parse(String text) {
        List<Map<String, String>> stanzas = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        for (String line : text.split("\r?\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) stanzas.add(current);
                current = new LinkedHashMap<>();
            } else if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                continue; // continuation of a multi-line field (Description, Conffiles): not needed here
            } else {
                int colon = line.indexOf(':');
                if (colon > 0) current.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        if (!current.isEmpty()) stanzas.add(current);
        return stanzas;
    }
}
