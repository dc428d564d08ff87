package org.daetransport.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.Map;

/** Printing a command's result: one JSON object with {@code --json}, else a short human summary. */
final class Output {

    static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Output() {
    }

    static void print(CommonOptions common, Map<String, ?> result, String human) {
        PrintStream out = System.out;
        if (common.json) {
            out.println(toJson(result));
        } else {
            out.println(human);
        }
        out.flush();
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** A number as a plain decimal with at least 4 significant digits. */
    static String num(double v) {
        if (v == 0 || (Math.abs(v) >= 1e-4 && Math.abs(v) < 1e7)) {
            String s = new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
            return s.contains(".") || s.length() >= 4 ? s : new java.math.BigDecimal(v).setScale(4, java.math.RoundingMode.HALF_EVEN).toPlainString();
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).toPlainString();
    }
}
