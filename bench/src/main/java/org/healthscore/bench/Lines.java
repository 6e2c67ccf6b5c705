package org.healthscore.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/** A body made line by line as it is read. */
final class Lines extends InputStream {
    private final IntFunction<String> line;
    private final int count;
    private byte[] current;
    private int position;
    private int next;

    Lines(String header, int count, IntFunction<String> line) {
        this.line = line;
        this.count = count;
        this.current = header.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        while (position >= current.length) {
            if (next >= count) {
                return -1;
            }
            current = line.apply(next++).getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }
}
