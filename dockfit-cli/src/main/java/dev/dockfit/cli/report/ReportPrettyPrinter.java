package dev.dockfit.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;

/**
 * Jackson's default layout, byte for byte, with the separators and the indentation of objects written as bytes
 * encoded once: the default printer hands them to the generator as strings and chars, which it encodes again
 * for every field (a 2,500-file lint writes about 120,000 fields). Arrays keep the default (inline) layout.
 */
final class ReportPrettyPrinter extends DefaultPrettyPrinter {
    private static final SerializedString FIELD_VALUE = new SerializedString(" : ");
    private static final SerializedString ENTRY = new SerializedString(",");

    ReportPrettyPrinter() {
        indentObjectsWith(Indent.INSTANCE);
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
        return new ReportPrettyPrinter();
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(FIELD_VALUE);
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(ENTRY);
        _objectIndenter.writeIndentation(g, _nesting);
    }

    /** {@link DefaultIndenter#SYSTEM_LINEFEED_INSTANCE}'s line break and two spaces a level, one encoded string a level. */
    private static final class Indent implements Indenter {
        static final Indent INSTANCE = new Indent();
        private static final SerializedString[] LEVELS = new SerializedString[16];

        static {
            for (int i = 0; i < LEVELS.length; i++) LEVELS[i] = new SerializedString(DefaultIndenter.SYS_LF + "  ".repeat(i));
        }

        @Override
        public void writeIndentation(JsonGenerator g, int level) throws IOException {
            if (level < LEVELS.length) {
                g.writeRaw(LEVELS[level]);
            } else {
                DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.writeIndentation(g, level);
            }
        }

        @Override
        public boolean isInline() {
            return false;
        }
    }
}
