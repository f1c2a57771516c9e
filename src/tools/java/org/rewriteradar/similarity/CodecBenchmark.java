package org.rewriteradar.similarity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rewriteradar.eval.EvalData;

/**
 * Fingerprint codec cost, version 2 beside version 3, per fingerprint ({@code ns/op}), on the first
 * {@value #ARTICLES} articles of a pool set, fingerprinted and stripped of their keys as the service
 * stores and sends them; each operation takes the next fingerprint. {@code encodeV2} is the frozen
 * version 2 writer of the tests ({@link FingerprintCodecV2}), {@code decodeV2} the codec reading its
 * bytes; {@code *V5RawText} is version 3 with the text left raw (what the text's code costs). The
 * {@code text*} benchmarks code the text alone, the options for version 3's text: raw UTF-8,
 * the static Huffman code of {@link TextCode} (what version 3 writes), raw Deflate (levels 1 and 6, one
 * reused {@link Deflater}/{@link Inflater}) and LZ4 (lz4-java's fastest instance, {@code at.yawk.lz4:lz4-java} on the
 * test classpath through kafka-clients; a comparison only, not a dependency of the engine).
 *
 * <p>Package {@code similarity} because {@link TextCode} and {@link BitCodec} are package-private. Data:
 * {@code rr.data} (default {@code /work/shared/data}). Run: {@code ./mvnw -Pbench
 * -Dbench.args="CodecBenchmark -f 1"}; v2 against v5 alone: {@code -Dbench.args="CodecBenchmark.(en|de)codeV
 * -f 1"}. Sizes (no JMH): {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.rewriteradar.similarity.CodecBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class CodecBenchmark {

    static final int ARTICLES = 3000;

    @Param({"pool-reuters", "pool-bbc"})
    public String set;

    private ArticleFingerprint[] fingerprints;
    private byte[][] v2;
    private byte[][] v5;
    private byte[][] v5RawText;
    private String[] texts;
    private byte[][] raw;
    private byte[][] huffman;
    private byte[][] deflate1;
    private byte[][] deflate6;
    private byte[][] lz4;
    private byte[][] zstd;
    private int[] utf8Lengths;
    private int next;

    private final Deflater deflater1 = new Deflater(1, true);
    private final Deflater deflater6 = new Deflater(6, true);
    private final Inflater inflater = new Inflater(true);
    private final LZ4Compressor lz4Compressor = LZ4Factory.fastestInstance().fastCompressor();
    private final LZ4FastDecompressor lz4Decompressor =
            LZ4Factory.fastestInstance().fastDecompressor();
    private final byte[] scratch = new byte[1 << 20];

    static List<ArticleFingerprint> load(String set) {
        Path folder = Path.of(System.getProperty("rr.data", "/work/shared/data"), set);
        if (!Files.exists(folder.resolve("articles.jsonl"))) {
            throw new IllegalStateException("no articles at " + folder + " (set -Drr.data)");
        }
        RewriteEngine engine = new RewriteEngine();
        List<ArticleFingerprint> out = new ArrayList<>();
        for (EvalData.Article a : EvalData.load(folder, set).articles()) {
            if (out.size() == ARTICLES) {
                break;
            }
            out.add(engine.fingerprint(a.id(), a.title(), a.body()).withoutKeys());
        }
        return out;
    }

    @Setup(Level.Trial)
    public void setup() throws DataFormatException {
        List<ArticleFingerprint> fps = load(set);
        int n = fps.size();
        fingerprints = fps.toArray(new ArticleFingerprint[0]);
        v2 = new byte[n][];
        v5 = new byte[n][];
        v5RawText = new byte[n][];
        texts = new String[n];
        raw = new byte[n][];
        huffman = new byte[n][];
        deflate1 = new byte[n][];
        deflate6 = new byte[n][];
        lz4 = new byte[n][];
        zstd = new byte[n][];
        utf8Lengths = new int[n];
        for (int i = 0; i < n; i++) {
            v2[i] = FingerprintCodecV2.encode(fingerprints[i]);
            v5[i] = FingerprintCodec.encode(fingerprints[i]);
            v5RawText[i] = FingerprintCodec.encode(fingerprints[i], false);
            texts[i] = fingerprints[i].text();
            raw[i] = texts[i].getBytes(StandardCharsets.UTF_8);
            utf8Lengths[i] = raw[i].length;
            huffman[i] = huffmanEncode(texts[i]);
            deflate1[i] = deflate(deflater1, texts[i]);
            deflate6[i] = deflate(deflater6, texts[i]);
            lz4[i] = lz4Encode(texts[i]);
            zstd[i] = TextDictionary.code(texts[i]).code();
            if (!huffmanDecode(huffman[i], utf8Lengths[i]).equals(texts[i])
                    || !inflate(deflate1[i], utf8Lengths[i]).equals(texts[i])
                    || !lz4Decode(lz4[i], utf8Lengths[i]).equals(texts[i])
                    || !new String(TextDictionary.decode(zstd[i], utf8Lengths[i]), StandardCharsets.UTF_8)
                            .equals(texts[i])) {
                throw new IllegalStateException("text coding does not round-trip: " + fingerprints[i].id());
            }
        }
    }

    private int next() {
        int i = next;
        next = i + 1 == fingerprints.length ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public byte[] encodeV2() {
        return FingerprintCodecV2.encode(fingerprints[next()]);
    }

    @Benchmark
    public ArticleFingerprint decodeV2() {
        return FingerprintCodec.decode(v2[next()]);
    }

    @Benchmark
    public byte[] encodeV5() {
        return FingerprintCodec.encode(fingerprints[next()]);
    }

    @Benchmark
    public ArticleFingerprint decodeV5() {
        return FingerprintCodec.decode(v5[next()]);
    }

    /** Version 3 with the text left raw: what the Huffman code of the text costs, and saves. */
    @Benchmark
    public byte[] encodeV5RawText() {
        return FingerprintCodec.encode(fingerprints[next()], false);
    }

    @Benchmark
    public ArticleFingerprint decodeV5RawText() {
        return FingerprintCodec.decode(v5RawText[next()]);
    }

    @Benchmark
    public byte[] textRawEncode() {
        return texts[next()].getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public String textRawDecode() {
        int i = next();
        return new String(raw[i], StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] textHuffmanEncode() {
        return huffmanEncode(texts[next()]);
    }

    @Benchmark
    public String textHuffmanDecode() {
        int i = next();
        return huffmanDecode(huffman[i], utf8Lengths[i]);
    }

    @Benchmark
    public byte[] textZstdEncode() {
        int i = next();
        return TextDictionary.code(texts[i]).code();
    }

    @Benchmark
    public String textZstdDecode() {
        int i = next();
        return new String(TextDictionary.decode(zstd[i], utf8Lengths[i]), StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] textDeflate1Encode() {
        return deflate(deflater1, texts[next()]);
    }

    @Benchmark
    public byte[] textDeflate6Encode() {
        return deflate(deflater6, texts[next()]);
    }

    @Benchmark
    public String textInflate() throws DataFormatException {
        int i = next();
        return inflate(deflate1[i], utf8Lengths[i]);
    }

    @Benchmark
    public byte[] textLz4Encode() {
        return lz4Encode(texts[next()]);
    }

    @Benchmark
    public String textLz4Decode() {
        int i = next();
        return lz4Decode(lz4[i], utf8Lengths[i]);
    }

    /** What version 3 does with a text: its UTF-8 bytes, their coded size, their codes. */
    static byte[] huffmanEncode(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        BitCodec.Writer bits = new BitCodec.Writer(utf8.length);
        bits.codes(utf8, TextCode.CODES);
        if (bits.bitCount() >= 8L * utf8.length) {
            return utf8;
        }
        BinaryCodec.Out out = new BinaryCodec.Out(utf8.length);
        bits.appendTo(out);
        return out.toByteArray();
    }

    static String huffmanDecode(byte[] coded, int utf8Length) {
        byte[] utf8 = new byte[utf8Length];
        new BitCodec.Reader(coded, 0, "text")
                .codes(utf8, utf8Length, TextCode.TABLE, TextCode.SINGLE, TextCode.MAX_LENGTH);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private byte[] deflate(Deflater deflater, String text) {
        deflater.reset();
        deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        int n = 0;
        while (!deflater.finished()) {
            n += deflater.deflate(scratch, n, scratch.length - n);
        }
        return Arrays.copyOf(scratch, n);
    }

    private String inflate(byte[] compressed, int utf8Length) throws DataFormatException {
        inflater.reset();
        inflater.setInput(compressed);
        byte[] utf8 = new byte[utf8Length];
        int n = 0;
        while (n < utf8Length && !inflater.finished()) {
            n += inflater.inflate(utf8, n, utf8Length - n);
        }
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private byte[] lz4Encode(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int n = lz4Compressor.compress(utf8, 0, utf8.length, scratch, 0, scratch.length);
        return Arrays.copyOf(scratch, n);
    }

    private String lz4Decode(byte[] compressed, int utf8Length) {
        byte[] utf8 = new byte[utf8Length];
        lz4Decompressor.decompress(compressed, 0, utf8, 0, utf8Length);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /**
     * Mean bytes per fingerprint and per text of each coding, per set; then, unless {@code rr.cpu=false},
     * the thread CPU time per operation of v2 and v5 encode and decode and of the Huffman and Zstandard text codes, in turn over all the
     * fingerprints, nine rounds, median of the last seven: a cross-check of the JMH figures that a loaded
     * machine disturbs less.
     */
    public static void main(String[] args) throws DataFormatException {
        for (String set : args.length > 0 ? args : new String[] {"pool-reuters", "pool-bbc"}) {
            CodecBenchmark b = new CodecBenchmark();
            b.set = set;
            b.setup();
            int n = b.fingerprints.length;
            System.out.printf(
                    "SIZES %s, %d fingerprints: v2 %.1f B, v5 %.1f B (%.3f), v5 raw text %.1f B (%.3f); text raw %.1f,"
                            + " Huffman %.1f, zstd + dictionary %.1f,"
                            + " deflate-1 %.1f, deflate-6 %.1f, lz4 %.1f%n",
                    set,
                    n,
                    mean(b.v2),
                    mean(b.v5),
                    mean(b.v5) / mean(b.v2),
                    mean(b.v5RawText),
                    mean(b.v5RawText) / mean(b.v2),
                    Arrays.stream(b.utf8Lengths).average().orElse(0),
                    mean(b.huffman),
                    mean(b.zstd),
                    mean(b.deflate1),
                    mean(b.deflate6),
                    mean(b.lz4));
            if (Boolean.parseBoolean(System.getProperty("rr.cpu", "true"))) {
                cpuTimes(b);
            }
        }
    }

    private static void cpuTimes(CodecBenchmark b) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        String[] names = {
            "encodeV2",
            "decodeV2",
            "encodeV5",
            "decodeV5",
            "encodeV5RawText",
            "decodeV5RawText",
            "textHuffmanEncode",
            "textHuffmanDecode",
            "textZstdEncode",
            "textZstdDecode"
        };
        java.util.function.Supplier<?>[] ops = {
            b::encodeV2,
            b::decodeV2,
            b::encodeV5,
            b::decodeV5,
            b::encodeV5RawText,
            b::decodeV5RawText,
            b::textHuffmanEncode,
            b::textHuffmanDecode,
            b::textZstdEncode,
            b::textZstdDecode
        };
        int rounds = 9;
        double[][] ns = new double[ops.length][rounds];
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            for (int op = 0; op < ops.length; op++) {
                int count = 5 * b.fingerprints.length;
                long start = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < count; i++) {
                    sink += System.identityHashCode(ops[op].get());
                }
                ns[op][round] = (cpu.getCurrentThreadCpuTime() - start) / (double) count;
            }
        }
        StringBuilder line = new StringBuilder("CPU " + b.set + " ns/op (median of rounds 3-9):");
        for (int op = 0; op < ops.length; op++) {
            double[] last = Arrays.copyOfRange(ns[op], 2, rounds);
            Arrays.sort(last);
            line.append(String.format(" %s %.0f", names[op], last[last.length / 2]));
        }
        System.out.println(line + (sink == 42 ? " " : ""));
    }

    private static double mean(byte[][] values) {
        return Arrays.stream(values).mapToInt(v -> v.length).average().orElse(0);
    }
}
