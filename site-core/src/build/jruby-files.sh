#!/bin/sh
# Writes the two files site-core's build derives from JRuby, side by side: each is one JVM that
# keeps a little more than one core busy for six seconds or so, while nothing else in the build runs.
#  - The index that lets a bake load only the Rouge lexers its code blocks use (see
#    rouge_threads.rb), taken from Rouge itself loaded in full. The interpreter alone and C1 run
#    this one script fastest.
#  - A class-data sharing archive of JRuby, Asciidoctor and Rouge's Java classes, for ./site:
#    JRuby runs a small conversion and the JVM writes the classes it loaded at exit, to a
#    temporary file that replaces the archive only once complete (a truncated archive would crash
#    the JVM that maps it). A JVM that cannot archive (one without a base archive) only warns:
#    then there is no archive, and ./site runs without one.
# Either failing fails the build, after both have finished.
# Usage: jruby-files.sh JAVA CLASSPATH ROUGE_INDEX_SCRIPT ROUGE_INDEX ARCHIVE [QUIET_OPTIONS]
# QUIET_OPTIONS: JVM options, split at spaces, that only silence the JVM's warnings about JRuby,
# given to the index's JVM; the archive's JVM keeps the options the archive was measured with.
set -u
java=$1 classpath=$2 index_script=$3 index=$4 archive=$5 quiet=${6:-}

"$java" $quiet -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djruby.compile.mode=OFF -classpath "$classpath" \
  org.jruby.Main "$index_script" "$index" &
indexing=$!

archived=0
"$java" -XX:ArchiveClassesAtExit="$archive.tmp" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -classpath "$classpath" org.jruby.Main \
  -e "require 'asciidoctor'; Asciidoctor.convert(%(= Archive\n\n[source,java]\n----\nclass A {}\n----\n), safe: :safe, attributes: { 'source-highlighter' => 'rouge' })" \
  || archived=$?

indexed=0
wait "$indexing" || indexed=$?
if [ "$indexed" -ne 0 ]; then
  rm -f "$archive.tmp"
  echo "jruby-files.sh: writing the Rouge index $index failed (exit $indexed); see the output above" >&2
  exit "$indexed"
fi
if [ "$archived" -ne 0 ]; then
  rm -f "$archive.tmp"
  echo "jruby-files.sh: writing the class archive $archive failed (exit $archived); see the output above" >&2
  exit "$archived"
fi
if [ -f "$archive.tmp" ]; then
  mv -f "$archive.tmp" "$archive"
fi
