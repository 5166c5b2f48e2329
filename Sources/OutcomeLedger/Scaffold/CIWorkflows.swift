/// The GitHub Actions workflows `outcomes init --ci github` writes. docs/ci.md shows the
/// same text (a test keeps them identical), with how to set them up.
public enum CIWorkflows {
    public static let github: [(path: String, text: String)] = [
        (".github/workflows/outcomes-check.yml", githubCheck),
        (".github/workflows/outcomes-pages.yml", githubPages),
    ]

    static let githubCheck = #"""
name: outcomes check
on:
  pull_request:
permissions:
  contents: read
jobs:
  check:
    runs-on: ubuntu-24.04
    permissions:
      contents: read
      security-events: write
    steps:
\#(installSteps)
      - name: Check the ledger
        run: outcomes check . --format github --format sarif --output outcomes.sarif
      - name: Upload to code scanning
        if: always()
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: outcomes.sarif
          category: outcomes
"""#

    /// The steps both workflows start with: the repository, Swift, and `outcomes` built
    /// from the git URL in the repository variable `OUTCOMES_GIT_URL`.
    static let installSteps = #"""
      - uses: actions/checkout@v4
      - uses: swift-actions/setup-swift@v2
        with:
          swift-version: "6.1"
      - name: Install outcomes
        env:
          OUTCOMES_GIT_URL: ${{ vars.OUTCOMES_GIT_URL }}
        run: |
          git clone --depth 1 "$OUTCOMES_GIT_URL" "$RUNNER_TEMP/outcomes"
          make -C "$RUNNER_TEMP/outcomes" install PREFIX="$HOME/.local"
          echo "$HOME/.local/bin" >> "$GITHUB_PATH"
"""#

    static let githubPages = #"""
name: outcomes pages
on:
  push:
    branches: [main]
permissions:
  contents: read
  pages: write
  id-token: write
concurrency:
  group: pages
  cancel-in-progress: false
jobs:
  publish:
    runs-on: ubuntu-24.04
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
\#(installSteps)
      - id: pages
        uses: actions/configure-pages@v5
      - name: Build the site
        run: outcomes build . --output _site --base-url "${{ steps.pages.outputs.base_url }}"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: _site
      - id: deployment
        uses: actions/deploy-pages@v4
"""#
}
