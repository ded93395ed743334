package com.sethihemant.site.links;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Offline checks of {@code mailto:} (RFC 6068) and {@code tel:} (RFC 3966) links: nothing is
 * sent, but a typo such as {@code mailto:name@example} or {@code tel:+1 555 CALL} is caught.
 */
final class ContactLinks {

    private static final Pattern LOCAL_PART = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern GLOBAL_NUMBER = Pattern.compile("\\+[0-9]{3,15}");
    private static final Pattern LOCAL_NUMBER = Pattern.compile("[0-9*#]{2,20}");
    private static final Pattern PARAMETER = Pattern.compile("(?i)(?:ext=[0-9().\\-]+|isub=[^;]+|phone-context=[^;]+|[a-z0-9-]+(?:=[^;]*)?)");

    private ContactLinks() {
    }

    /** What is wrong with a {@code mailto:} link, or {@code null} when it is well formed. */
    static String mailtoProblem(String link) {
        String rest = link.substring("mailto:".length());
        int question = rest.indexOf('?');
        String addresses = question < 0 ? rest : rest.substring(0, question);
        String headers = question < 0 ? "" : rest.substring(question + 1);
        String decoded = Urls.percentDecode(addresses);
        if (decoded == null) {
            return "mailto: address has bad percent-encoding";
        }
        // RFC 6068: the addresses are optional, in the path or in to=, cc= and bcc= fields. A
        // link with none and a subject or body is a "share by e-mail" link: the reader picks
        // the recipient.
        boolean written = !decoded.isBlank();
        String problem = written ? addressesProblem(decoded) : null;
        for (String header : headers.split("&")) {
            int equals = header.indexOf('=');
            String name = (equals < 0 ? header : header.substring(0, equals)).toLowerCase(Locale.ROOT);
            String raw = equals < 0 ? "" : header.substring(equals + 1);
            boolean address = name.equals("to") || name.equals("cc") || name.equals("bcc");
            String value = Urls.percentDecode(raw);
            if (value == null && address) {
                return "mailto: field '" + name + "' has bad percent-encoding";
            }
            // A subject or body in a legacy encoding (Caf%E9) still opens the mail program.
            if ((value == null ? raw : value).isBlank()) {
                continue;
            }
            written = true;
            if (problem == null && address) {
                problem = addressesProblem(value);
            }
        }
        return problem != null ? problem
                : written ? null : "mailto: link has no address, subject or body; write mailto:name@example.com";
    }

    private static String addressesProblem(String addresses) {
        for (String address : addresses.split(",")) {
            String problem = addressProblem(address.strip());
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String addressProblem(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return "'" + address + "' is not an e-mail address (name@domain)";
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (!LOCAL_PART.matcher(local).matches() || local.length() > 64) {
            return "'" + address + "' has an invalid part before the @";
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "'" + address + "' has an invalid domain";
        }
        if (!DOMAIN.matcher(ascii).matches()) {
            return "'" + address + "' has an invalid domain (it needs a dot, as in name@example.com)";
        }
        return null;
    }

    /** What is wrong with a {@code tel:} link, or {@code null} when it is well formed. */
    static String telProblem(String link) {
        String number = link.substring("tel:".length());
        // tel://+1-555-0100 is not RFC 3966, but iOS and Android dial it as written.
        String decoded = Urls.percentDecode(number.startsWith("//") ? number.substring(2) : number);
        if (decoded == null || decoded.isBlank()) {
            return "tel: link has no number";
        }
        String[] parts = decoded.split(";", -1);
        // Visual separators are allowed by RFC 3966; spaces are not, but every phone accepts them.
        String digits = parts[0].strip().replaceAll("[\\s().\\-]", "");
        boolean global = digits.startsWith("+");
        if (global ? !GLOBAL_NUMBER.matcher(digits).matches() : !LOCAL_NUMBER.matcher(digits).matches()) {
            return global
                    ? "'" + parts[0].strip() + "' is not a phone number: after '+' come 3 to 15 digits"
                    : "'" + parts[0].strip() + "' is not a phone number: use digits (ideally +country code)";
        }
        for (int i = 1; i < parts.length; i++) {
            if (!PARAMETER.matcher(parts[i]).matches()) {
                return "tel: link has a malformed parameter ';" + parts[i] + "'";
            }
        }
        return null;
    }
}
