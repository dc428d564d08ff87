package org.daetransport.transport.law;

import java.math.BigDecimal;
import java.math.MathContext;

/** Formatting of numbers in error messages: plain decimals with at least four significant digits. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * {@code x} as a plain decimal: four decimals when {@code |x| >= 1} (e.g. {@code 1.0000}),
     * four significant digits otherwise (e.g. {@code -0.1000}, {@code 0.0002190}); never scientific.
     */
    public static String plain(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        if (Math.abs(x) >= 1 || x == 0) {
            return String.format(java.util.Locale.ROOT, "%.4f", x);
        }
        return new BigDecimal(x).round(new MathContext(4)).toPlainString();
    }
}
