package org.daetransport.transport.law;

import java.math.BigDecimal;
import java.math.MathContext;

/** Formatting of numbers in error messages: plain decimals with at least four significant digits. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * {@code x} as a plain decimal: four decimals when {@code |x| >= 0.1} (e.g. {@code 1.0000},
     * {@code -0.1000}), four significant digits otherwise (e.g. {@code 0.0002190}); never scientific.
     */
    public static String plain(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        if (Math.abs(x) >= 0.1 || x == 0) {
            return String.format(java.util.Locale.ROOT, "%.4f", x);
        }
        BigDecimal rounded = new BigDecimal(x).round(new MathContext(4));
        if (rounded.precision() < 4) {
            // exact short binary values such as 0.25: pad with zeros to four significant digits
            rounded = rounded.setScale(rounded.scale() + 4 - rounded.precision());
        }
        return rounded.toPlainString();
    }
}
