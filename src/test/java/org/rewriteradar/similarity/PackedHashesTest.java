package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PackedHashesTest {

    /** A phrase set stored at full width (format 3) reads back as the set fingerprinting makes today. */
    @Property(tries = 500)
    void narrowingAStoredSetGivesTheSetPackedAtTodaysWidth(
            @ForAll @Size(max = 400) List<Integer> hashes, @ForAll @Size(max = 400) List<Boolean> narrative) {
        int n = hashes.size();
        int[] wide = new int[n];
        int[] today = new int[n];
        for (int i = 0; i < n; i++) {
            boolean inNarrative = i < narrative.size() && narrative.get(i);
            wide[i] = (hashes.get(i) & ~1) | (inNarrative ? 1 : 0);
            today[i] = PackedHashes.pack(hashes.get(i), inNarrative);
        }
        RadixSort sorter = new RadixSort();
        int[] stored = SortedSets.packedUnique(wide, n, sorter);

        assertThat(PackedHashes.narrow(stored)).isEqualTo(SortedSets.packedUnique(today, n, sorter));
    }

    @Test
    void keepsTheTopBitsOfTheHashAndTheNarrativeBit() {
        assertThat(PackedHashes.pack(0xFFFF_FFFF, false)).isEqualTo((1 << (PackedHashes.BITS + 1)) - 2);
        assertThat(PackedHashes.pack(0x8000_0000, true)).isEqualTo((1 << PackedHashes.BITS) | 1);
        assertThat(PackedHashes.pack(0x0000_0FFF, true)).isEqualTo(1);
        // two hashes that differ only below the kept bits merge, narrative if either is
        assertThat(PackedHashes.narrow(new int[] {0x1234_5000, 0x1234_5FFF})).containsExactly((0x12345 << 1) | 1);
    }
}
