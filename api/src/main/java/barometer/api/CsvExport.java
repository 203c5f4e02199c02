package barometer.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Writes tidy CSV (one header row, one row per record, RFC 4180 quoting) with Jackson's CSV module, for
 * R and pandas: {@code read.csv(url)} or {@code pandas.read_csv(url)} work as they are.
 *
 * <p>Text cells that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage
 * return: a crawled title can be anything) get a leading apostrophe, as OWASP's CSV-injection advice says; numbers
 * are written as they are.
 */
final class CsvExport {
    static final String TEXT_CSV = "text/csv";
    private static final CsvMapper MAPPER = (CsvMapper) new CsvMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("formula-guard")
                    .addSerializer(String.class, new FormulaGuard()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private CsvExport() {
    }

    /** The text of a cell, with a leading apostrophe when a spreadsheet would read it as a formula. */
    static String neutralised(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private static final class FormulaGuard extends com.fasterxml.jackson.databind.ser.std.StdSerializer<String> {
        FormulaGuard() {
            super(String.class);
        }

        @Override
        public void serialize(String value, com.fasterxml.jackson.core.JsonGenerator gen,
                com.fasterxml.jackson.databind.SerializerProvider provider) throws java.io.IOException {
            gen.writeString(neutralised(value));
        }
    }

    /** Whether the caller asked for CSV, by {@code format=csv} or by an Accept header that prefers it. */
    static boolean wanted(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            if (format.equalsIgnoreCase("csv")) {
                return true;
            }
            if (format.equalsIgnoreCase("json")) {
                return false;
            }
            throw new barometer.indexer.InvalidQueryException("format must be json or csv, was '" + format + "'",
                    "use format=csv for a spreadsheet-ready table, format=json (the default) otherwise");
        }
        List<MediaType> accept = headers.getAcceptableMediaTypes();
        return !accept.isEmpty() && accept.get(0).isCompatible(MediaType.valueOf(TEXT_CSV))
                && !accept.get(0).isWildcardType();
    }

    /** A CSV response of the rows, named for download. */
    static <T> Response of(Class<T> rowType, List<T> rows, String filename) {
        CsvSchema schema = MAPPER.schemaFor(rowType).withHeader();
        try {
            String body = MAPPER.writer(schema).writeValueAsString(rows);
            return Response.ok(body, TEXT_CSV + "; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write CSV for " + rowType.getSimpleName(), e);
        }
    }

    /**
     * A CSV body written row by row as {@code rows} hands them over, header first: nothing is held, whatever
     * the number of rows.
     */
    static <T> jakarta.ws.rs.core.StreamingOutput streamed(Class<T> rowType,
            java.util.function.Consumer<java.util.function.Consumer<T>> rows) {
        CsvSchema schema = MAPPER.schemaFor(rowType).withHeader();
        return out -> {
            try (com.fasterxml.jackson.databind.SequenceWriter writer = MAPPER.writer(schema).writeValues(out)) {
                rows.accept(row -> {
                    try {
                        writer.write(row);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
        };
    }
}
