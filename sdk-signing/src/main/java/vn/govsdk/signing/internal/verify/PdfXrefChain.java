package vn.govsdk.signing.internal.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;

/**
 * Walks a PDF's cross-reference sections from {@code startxref} along {@code /Prev} (and
 * {@code /XRefStm}) before PDFBox reads the file, with its own bounded reads: the file must end with a
 * {@code startxref} pointing at a cross-reference table or stream (otherwise PDFBox would scan the whole
 * file for objects, minutes for gigabytes of garbage), and every cross-reference stream, and every object
 * stream their entries name, is decoded within the limits first (PDFBox decodes them whole into memory
 * as it loads, so a FlateDecode bomb there would exhaust the heap before any other check could run).
 */
final class PdfXrefChain {

    private static final Pattern STARTXREF = Pattern.compile("startxref\\s+(\\d{1,19})");
    private static final Pattern OBJ = Pattern.compile("(?s)\\s*\\d+\\s+\\d+\\s+obj\\b.*");
    private static final Pattern LENGTH = Pattern.compile("/Length\\s+(\\d{1,19})(\\s+\\d+\\s+R)?");
    private static final Pattern PREV = Pattern.compile("/(Prev|XRefStm)\\s+(\\d{1,19})");
    private static final Pattern FILTER = Pattern.compile("/Filter\\s*(/[^\\s/\\[\\]<>()]+|\\[([^\\]]*)\\])");
    private static final Pattern DECODE_PARMS = Pattern.compile("/DecodeParms\\s*<<(.*?)>>", Pattern.DOTALL);
    private static final Pattern PARM = Pattern.compile("/(Predictor|Columns|Colors|BitsPerComponent)\\s+(\\d{1,9})");
    private static final Pattern W = Pattern.compile("/W\\s*\\[\\s*(\\d)\\s+(\\d)\\s+(\\d)\\s*\\]");
    private static final Pattern INDEX = Pattern.compile("/Index\\s*\\[([\\d\\s]*)\\]");
    private static final Pattern SIZE = Pattern.compile("/Size\\s+(\\d{1,10})");
    private static final int MAX_SECTIONS = 10_000;
    private static final int WINDOW = 8 * 1024;

    private PdfXrefChain() {
    }

    /**
     * Checks the cross-reference chain.
     *
     * @param pdf the PDF
     * @param budget the verification's budget
     * @return what is wrong with the file's end, or {@code null}
     * @throws IOException if the bytes cannot be read
     * @throws LimitExceededException when a cross-reference stream decodes beyond the limits
     */
    static String check(PdfBytes pdf, Budget budget) throws IOException {
        long length = pdf.length();
        int tailSize = (int) Math.min(length, 64 * 1024);
        String t = text(pdf, length - tailSize, tailSize);
        int at = t.lastIndexOf("startxref");
        if (at < 0 || t.indexOf("%%EOF", at) < 0) {
            return "no startxref and %%EOF in its last " + (tailSize >> 10) + " KB";
        }
        Matcher m = STARTXREF.matcher(t).region(at, t.length());
        if (!m.lookingAt()) {
            return "its startxref gives no offset";
        }
        long offset = Long.parseLong(m.group(1));
        if (offset >= length) {
            return "its startxref offset " + offset + " lies outside the file";
        }
        String head = text(pdf, offset, (int) Math.min(64, length - offset)).stripLeading();
        if (!head.startsWith("xref") && !OBJ.matcher(head).matches()) {
            return "its startxref offset " + offset + " points at neither a cross-reference table nor a stream";
        }
        walk(pdf, offset, budget);
        return null;
    }

    /**
     * Follows the chain, then decodes the object streams the cross-reference streams name (from their
     * entries of type 2, at the offsets their entries of type 1 give); a section that cannot be read is
     * left to PDFBox, which reports or repairs it.
     */
    private static void walk(PdfBytes pdf, long first, Budget budget) throws IOException {
        java.util.Map<Long, Long> offsets = new java.util.HashMap<>();
        Set<Long> objectStreams = new java.util.TreeSet<>();
        Set<Long> seen = new HashSet<>();
        java.util.ArrayDeque<Long> todo = new java.util.ArrayDeque<>();
        todo.add(first);
        while (!todo.isEmpty() && seen.size() < MAX_SECTIONS) {
            long offset = todo.poll();
            if (offset < 0 || offset >= pdf.length() || !seen.add(offset)) {
                continue;
            }
            budget.checkTime();
            String w = text(pdf, offset, (int) Math.min(WINDOW, pdf.length() - offset));
            String dict;
            if (w.stripLeading().startsWith("xref")) {
                long trailer = find(pdf, offset, "trailer");
                if (trailer < 0) {
                    continue;
                }
                dict = text(pdf, trailer, (int) Math.min(WINDOW, pdf.length() - trailer));
                int end = dict.indexOf("startxref");
                dict = end < 0 ? dict : dict.substring(0, end);
            } else {
                int stream = w.indexOf("stream");
                if (stream < 0) {
                    continue;
                }
                dict = w.substring(0, stream);
                byte[] data = decode(pdf, offset + stream + "stream".length(), dict, budget, true);
                if (data != null) {
                    entries(data, dict, offsets, objectStreams);
                }
            }
            Matcher p = PREV.matcher(dict);
            while (p.find()) {
                todo.add(Long.parseLong(p.group(2)));
            }
        }
        for (long n : objectStreams) {
            Long at = offsets.get(n);
            if (at == null || at < 0 || at >= pdf.length()) {
                continue; // PDFBox finds it through a classic table: measured right after loading
            }
            budget.checkTime();
            String w = text(pdf, at, (int) Math.min(WINDOW, pdf.length() - at));
            int stream = w.indexOf("stream");
            if (stream > 0 && OBJ.matcher(w).matches()) {
                decode(pdf, at + stream + "stream".length(), w.substring(0, stream), budget, false);
            }
        }
    }

    /**
     * Reads the entries of a decoded cross-reference stream: type 1 gives an object's offset (the first
     * definition met wins, as the newest section comes first), type 2 the object stream holding it.
     */
    private static void entries(byte[] data, String dict, java.util.Map<Long, Long> offsets, Set<Long> objectStreams) {
        Matcher w = W.matcher(dict);
        if (!w.find()) {
            return;
        }
        int w1 = Integer.parseInt(w.group(1));
        int w2 = Integer.parseInt(w.group(2));
        int w3 = Integer.parseInt(w.group(3));
        int entry = w1 + w2 + w3;
        if (entry == 0 || w2 > 8) {
            return;
        }
        long[] index;
        Matcher ix = INDEX.matcher(dict);
        if (ix.find() && !ix.group(1).isBlank()) {
            String[] parts = ix.group(1).trim().split("\\s+");
            index = new long[parts.length - parts.length % 2];
            for (int i = 0; i < index.length; i++) {
                index[i] = Long.parseLong(parts[i]);
            }
        } else {
            Matcher size = SIZE.matcher(dict);
            index = new long[] {0, size.find() ? Long.parseLong(size.group(1)) : data.length / entry};
        }
        int at = 0;
        for (int i = 0; i + 1 < index.length; i += 2) {
            for (long k = 0; k < index[i + 1] && at + entry <= data.length; k++, at += entry) {
                long type = w1 == 0 ? 1 : field(data, at, w1);
                long f2 = field(data, at + w1, w2);
                long object = index[i] + k;
                if (type == 1) {
                    offsets.putIfAbsent(object, f2);
                } else if (type == 2) {
                    objectStreams.add(f2);
                }
            }
        }
    }

    private static long field(byte[] data, int at, int width) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            v = v << 8 | data[at + i] & 0xFF;
        }
        return v;
    }

    /**
     * Decodes a stream at a known place within the limits, with its filters and predictor: returns the
     * data when {@code keep} (a cross-reference stream, at most the stream limit), else only measures it.
     * A stream that does not decode here is left to PDFBox ({@code null}).
     */
    private static byte[] decode(PdfBytes pdf, long afterKeyword, String dict, Budget budget, boolean keep) throws IOException {
        long start = afterKeyword;
        String eol = text(pdf, start, (int) Math.min(2, pdf.length() - start));
        start += eol.startsWith("\r\n") ? 2 : eol.startsWith("\n") || eol.startsWith("\r") ? 1 : 0;
        Matcher l = LENGTH.matcher(dict);
        long raw = l.find() && l.group(2) == null ? Long.parseLong(l.group(1)) : -1;
        if (raw < 0 || start + raw > pdf.length()) {
            long end = find(pdf, start, "endstream");
            raw = end < 0 ? pdf.length() - start : end - start;
        }
        if (raw > budget.limits().maxDecodedStreamBytes()) {
            throw new LimitExceededException("maxDecodedStreamBytes", String.valueOf(budget.limits().maxDecodedStreamBytes()),
                    "a stream of the PDF's cross-reference structure is larger than allowed");
        }
        COSStream s = new COSStream();
        Matcher f = FILTER.matcher(dict);
        if (f.find()) {
            if (f.group(2) == null) {
                s.setItem(COSName.FILTER, COSName.getPDFName(f.group(1).substring(1)));
            } else {
                COSArray names = new COSArray();
                for (String n : f.group(2).trim().split("\\s*/")) {
                    if (!n.isBlank()) {
                        names.add(COSName.getPDFName(n.trim()));
                    }
                }
                s.setItem(COSName.FILTER, names);
            }
        }
        Matcher dp = DECODE_PARMS.matcher(dict);
        if (dp.find()) {
            org.apache.pdfbox.cos.COSDictionary parms = new org.apache.pdfbox.cos.COSDictionary();
            Matcher p = PARM.matcher(dp.group(1));
            while (p.find()) {
                parms.setInt(COSName.getPDFName(p.group(1)), Integer.parseInt(p.group(2)));
            }
            s.setItem(COSName.DECODE_PARMS, parms);
        }
        try (InputStream in = pdf.range(start, raw); OutputStream out = s.createRawOutputStream()) {
            in.transferTo(out);
        }
        try {
            if (keep) {
                return PdfStreams.bytes(s, budget, Long.MAX_VALUE);
            }
            PdfStreams.measure(s, budget);
        } catch (IOException e) {
            // Not decodable here (a broken or unusual stream): PDFBox reads it with its own rules.
        }
        return null;
    }

    /** The offset of the next occurrence of a keyword at or after {@code from}, read in windows, or -1. */
    private static long find(PdfBytes pdf, long from, String keyword) throws IOException {
        long at = from;
        while (at < pdf.length()) {
            int n = (int) Math.min(64 * 1024, pdf.length() - at);
            String w = text(pdf, at, n);
            int i = w.indexOf(keyword);
            if (i >= 0) {
                return at + i;
            }
            if (at + n >= pdf.length()) {
                return -1;
            }
            at += n - keyword.length();
        }
        return -1;
    }

    private static String text(PdfBytes pdf, long from, int n) throws IOException {
        try (InputStream in = pdf.range(from, n)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
