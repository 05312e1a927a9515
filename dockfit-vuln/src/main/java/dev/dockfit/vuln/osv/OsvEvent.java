package dev.dockfit.vuln.osv;

/** One range event: exactly one of introduced, fixed, last_affected, limit, with its version. */
public record OsvEvent(Kind kind, String version) {

    public enum Kind {
        INTRODUCED("introduced"), FIXED("fixed"), LAST_AFFECTED("last_affected"), LIMIT("limit");

        private final String field;

        Kind(String field) {
            this.field = field;
        }

        /** The JSON field name. */
        public String field() {
            return field;
        }
    }
}
