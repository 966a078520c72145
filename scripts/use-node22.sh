# Sourced (`. scripts/use-node22.sh`): puts Node.js >= 22.12 first on PATH. When the
# machine's Node is older (or missing but npm is there), installs the `node@22`
# package from the npm registry into a cache folder outside the repository
# (CONFIG_TOOL_NODE_CACHE, default ~/.cache/config-tool-node22) and uses that.
# The README's first command and .ci/run both start with it. POSIX sh; every name
# it leaves in the sourcing shell starts with config_tool_.

config_tool_node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'var v=process.versions.node.split(".").map(Number); process.exit(v[0]>22||(v[0]===22&&v[1]>=12)?0:1)'
}

# Installs node@22 into $1, saying every 15 s how far it got (npm shows no progress when
# its output is not a terminal, and its download is one step of a few tens of MB). The
# cache folder's own package.json allows node@22's preinstall script, the one install
# script that runs here: it fetches the Node binary for this OS and CPU (node-<os>-<arch>).
config_tool_install_node22() (
  printf '{\n  "private": true,\n  "allowScripts": { "node": true }\n}\n' >"$1/package.json" &&
    npm install --prefix "$1" --no-save --no-audit --no-fund node@22 >/dev/null &
  config_tool_pid=$!
  config_tool_seconds=0
  while kill -0 "$config_tool_pid" 2>/dev/null; do
    sleep 1
    config_tool_seconds=$((config_tool_seconds + 1))
    if [ $((config_tool_seconds % 15)) -eq 0 ]; then
      echo "setup: still installing node@22: ${config_tool_seconds} s, $(du -sm "$1" 2>/dev/null | cut -f1) MB of about 185 MB in $1" >&2
    fi
  done
  wait "$config_tool_pid"
)

if ! config_tool_node_ok; then
  config_tool_node_prefix="${CONFIG_TOOL_NODE_CACHE:-$HOME/.cache/config-tool-node22}"
  if [ ! -x "$config_tool_node_prefix/node_modules/.bin/node" ]; then
    echo "setup: Node $(node --version 2>/dev/null || echo 'is missing'); this project needs 22.12 or newer." >&2
    if ! command -v npm >/dev/null 2>&1; then
      echo "setup: npm is missing too: install Node.js (any version that comes with npm), then run this again." >&2
      return 1 2>/dev/null || exit 1
    fi
    echo "setup: installing node@22 from the npm registry into $config_tool_node_prefix (about 30 MB to download, 185 MB on disk; 1 to 5 minutes, once: later shells reuse it)..." >&2
    mkdir -p "$config_tool_node_prefix" && config_tool_install_node22 "$config_tool_node_prefix" ||
      echo "setup: installing node@22 failed (npm's messages are above)." >&2
  fi
  PATH="$config_tool_node_prefix/node_modules/.bin:$PATH"
  export PATH
  if ! config_tool_node_ok; then
    echo "setup: could not get Node.js >= 22.12 (tried $config_tool_node_prefix)." >&2
    return 1 2>/dev/null || exit 1
  fi
  echo "setup: using Node $(node --version) from $config_tool_node_prefix (this shell's PATH; run this again in a new terminal)" >&2
fi
