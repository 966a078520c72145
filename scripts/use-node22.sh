# Sourced (`. scripts/use-node22.sh`): puts Node.js >= 22.12 first on PATH. When the
# machine's Node is older (or missing but npm is there), installs the `node@22`
# package from the npm registry into a cache folder outside the repository
# (CONFIG_TOOL_NODE_CACHE, default ~/.cache/config-tool-node22) and uses that.
# The README's first command and .ci/run both start with it. POSIX sh.

config_tool_node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'var v=process.versions.node.split(".").map(Number); process.exit(v[0]>22||(v[0]===22&&v[1]>=12)?0:1)'
}

if ! config_tool_node_ok; then
  config_tool_node_prefix="${CONFIG_TOOL_NODE_CACHE:-$HOME/.cache/config-tool-node22}"
  if [ ! -x "$config_tool_node_prefix/node_modules/.bin/node" ]; then
    echo "setup: Node $(node --version 2>/dev/null || echo 'is missing'), this project needs 22.12 or newer; installing node@22 into $config_tool_node_prefix" >&2
    if ! command -v npm >/dev/null 2>&1; then
      echo "setup: npm is missing too: install Node.js (any version that comes with npm), then run this again." >&2
      return 1 2>/dev/null || exit 1
    fi
    mkdir -p "$config_tool_node_prefix" &&
      npm install --prefix "$config_tool_node_prefix" --no-save --no-audit --no-fund node@22 >/dev/null
  fi
  PATH="$config_tool_node_prefix/node_modules/.bin:$PATH"
  export PATH
  if ! config_tool_node_ok; then
    echo "setup: could not get Node.js >= 22.12 (tried $config_tool_node_prefix)." >&2
    return 1 2>/dev/null || exit 1
  fi
  echo "setup: using Node $(node --version) from $config_tool_node_prefix (this shell's PATH)" >&2
fi
