# Sourced by the benchmarks that time a first build on disk.
# On ext4 without a journal (as on this project's virtual machines), a new file never takes an inode
# freed in the last minute, or in the last six while that inode's table block is dirty (the kernel's
# fs/ext4/ialloc.c, recently_deleted()): each file created then scans past every such inode. Deleting
# the previous run's tens of thousands of files just before a timed build would charge that scan to
# whichever tool is timed next, the one writing more files most. So old runs are moved aside (a
# rename frees no inode) and `make bench` deletes them once every figure is taken (`make bench-clean`
# by hand).
set_aside() { # folder
  [[ -e "$1" ]] || return 0
  mkdir -p bench-out/.trash
  mv "$1" "bench-out/.trash/$(basename "$1").$(date +%s%N)"
  echo "(the previous run is set aside in bench-out/.trash: \`make bench-clean\` deletes it)"
}

# The copies a benchmark makes in memory (/dev/shm) go when it ends, even on an error.
memory=/dev/shm/dinh-bench-$$
trap 'rm -rf "$memory"' EXIT

# A content folder copied into $memory/content with an empty cache, as a first build finds it.
content_in_memory() { # content folder
  rm -rf "$memory"; mkdir -p "$memory"
  cp -r "$1" "$memory/content"; rm -rf "$memory/content/.dinh-cache"
}

# The median of the numbers given (wall times of runs taken in turns).
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
