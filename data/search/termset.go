package search

import (
	"bytes"
	"hash/maphash"
	"unsafe"
)

// termSet numbers the distinct words of a batch: slot 0, 1, 2… in the order
// they are first added. It keeps the words in one byte arena and the slots
// in an open-addressing hash table, about 20 bytes a word; a map of strings
// took about 80, which for an import of two million distinct words was most
// of its memory.
type termSet struct {
	arena []byte
	off   []uint32 // slot -> start of its word in arena
	n     []uint8  // slot -> length of its word
	table []int32  // slot+1 by hash, 0 for empty; a power of two long
	seed  maphash.Seed
}

func newTermSet() *termSet {
	return &termSet{table: make([]int32, 1024), seed: maphash.MakeSeed()}
}

// len returns the number of slots.
func (s *termSet) len() int { return len(s.off) }

// term returns the word of slot sl. The string shares the arena's memory;
// it stays valid (the arena is only appended to), but should not be kept
// longer than the batch.
func (s *termSet) term(sl int32) string {
	if s.n[sl] == 0 {
		return ""
	}
	return unsafe.String(&s.arena[s.off[sl]], int(s.n[sl]))
}

func (s *termSet) bytes(sl int32) []byte { return s.arena[s.off[sl] : s.off[sl]+uint32(s.n[sl])] }

// find returns the slot of word b.
func (s *termSet) find(b []byte) (int32, bool) {
	mask := uint64(len(s.table) - 1)
	for i := maphash.Bytes(s.seed, b) & mask; ; i = (i + 1) & mask {
		e := s.table[i]
		if e == 0 {
			return 0, false
		}
		if bytes.Equal(s.bytes(e-1), b) {
			return e - 1, true
		}
	}
}

// add returns the slot of word b (at most 255 bytes), giving it the next
// one if it has none.
func (s *termSet) add(b []byte) int32 {
	if 2*(len(s.off)+1) > len(s.table) {
		s.rehash(2 * len(s.table))
	}
	mask := uint64(len(s.table) - 1)
	i := maphash.Bytes(s.seed, b) & mask
	for ; s.table[i] != 0; i = (i + 1) & mask {
		if e := s.table[i]; bytes.Equal(s.bytes(e-1), b) {
			return e - 1
		}
	}
	sl := s.placeholder()
	s.off[sl] = uint32(len(s.arena))
	s.n[sl] = uint8(len(b))
	s.arena = append(s.arena, b...)
	s.table[i] = sl + 1
	return sl
}

// placeholder adds a slot with no word, which find never returns.
func (s *termSet) placeholder() int32 {
	s.off = append(s.off, 0)
	s.n = append(s.n, 0)
	return int32(len(s.off) - 1)
}

func (s *termSet) rehash(size int) {
	s.table = make([]int32, size)
	mask := uint64(size - 1)
	for sl := range s.off {
		if s.n[sl] == 0 {
			continue
		}
		i := maphash.Bytes(s.seed, s.bytes(int32(sl))) & mask
		for s.table[i] != 0 {
			i = (i + 1) & mask
		}
		s.table[i] = int32(sl) + 1
	}
}
