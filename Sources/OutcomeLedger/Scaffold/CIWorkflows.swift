/// The CI workflows `outcomes init --ci github` and `--ci gitlab` write. docs/ci.md shows
/// the same text (a test keeps them identical), with how to set them up.
public enum CIWorkflows {
    /// Where the `outcomes` action is published: `uses:` needs a literal owner, repository
    /// and tag. `outcomes init --ci github --action OWNER/REPO@TAG` names another.
    public static let defaultAction = "outcomes-ledger/outcomes@v\(ToolVersion.current)"

    public static func github(action: String = defaultAction) -> [(path: String, text: String)] {
        [
            (".github/workflows/outcomes-check.yml", githubCheck.replacingOccurrences(of: actionPlaceholder, with: action)),
            (".github/workflows/outcomes-pages.yml", githubPages.replacingOccurrences(of: actionPlaceholder, with: action)),
        ]
    }

    static let actionPlaceholder = "OUTCOMES_ACTION"

    static let githubCheck = #"""
name: outcomes check
on:
  pull_request:
permissions:
  contents: read
jobs:
  check:
    runs-on: ubuntu-24.04
    timeout-minutes: 30
    permissions:
      contents: read
      security-events: write
    steps:
      - uses: actions/checkout@v4
      - name: Check the ledger
        uses: OUTCOMES_ACTION
        with:
          path: .
          args: --format github --format sarif --output outcomes.sarif
      - name: Upload to code scanning
        if: always() && hashFiles('outcomes.sarif') != ''
        uses: github/codeql-action/upload-sarif@v4
        with:
          sarif_file: outcomes.sarif
          category: outcomes
  changes:
    runs-on: ubuntu-24.04
    timeout-minutes: 30
    permissions:
      contents: read
      pull-requests: write
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - name: Install outcomes
        uses: OUTCOMES_ACTION
        with:
          check: "false"
      - name: Describe what the pull request changes
        env:
          BASE_SHA: ${{ github.event.pull_request.base.sha }}
          HEAD_SHA: ${{ github.event.pull_request.head.sha }}
        run: |
          outcomes diff "$BASE_SHA" "$HEAD_SHA" --root . --format markdown > outcomes-diff.md
          cat outcomes-diff.md >> "$GITHUB_STEP_SUMMARY"
      - name: Keep one comment on the pull request up to date
        # Pull requests from forks get a read-only token: the summary above still shows.
        continue-on-error: true
        env:
          GH_TOKEN: ${{ github.token }}
          PULL_REQUEST: ${{ github.event.pull_request.number }}
        run: |
          comment=$(gh api "repos/$GITHUB_REPOSITORY/issues/$PULL_REQUEST/comments" --paginate \
            --jq '.[] | select(.user.login == "github-actions[bot]" and (.body | startswith("<!-- outcomes diff -->"))) | .id' | head -n 1)
          if [ -n "$comment" ]; then
            gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$comment" -F body=@outcomes-diff.md > /dev/null
          else
            gh api --method POST "repos/$GITHUB_REPOSITORY/issues/$PULL_REQUEST/comments" -F body=@outcomes-diff.md > /dev/null
          fi
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
    timeout-minutes: 30
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - name: Install outcomes
        uses: OUTCOMES_ACTION
        with:
          check: "false"
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

    /// The image each release publishes (see .github/workflows/release.yml); `outcomes init
    /// --ci gitlab --image NAME` names another.
    public static let defaultImage = "ghcr.io/outcomes-ledger/outcomes:\(ToolVersion.current)"

    public static func gitlab(image: String = defaultImage) -> [(path: String, text: String)] {
        [(".gitlab-ci.yml", gitlabPipeline.replacingOccurrences(of: imagePlaceholder, with: image))]
    }

    static let imagePlaceholder = "OUTCOMES_DEFAULT_IMAGE"

    static let gitlabPipeline = #"""
stages: [check, publish]

variables:
  GIT_DEPTH: 0
  OUTCOMES_IMAGE: OUTCOMES_DEFAULT_IMAGE

outcomes-check:
  image: $OUTCOMES_IMAGE
  stage: check
  script:
    - outcomes check . --format gitlab --output gl-code-quality-report.json --format junit --output outcomes-junit.xml
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
      junit: outcomes-junit.xml

outcomes-changes:
  image: $OUTCOMES_IMAGE
  stage: check
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  script:
    - outcomes diff "$CI_MERGE_REQUEST_DIFF_BASE_SHA" "$CI_COMMIT_SHA" --root . --format markdown > outcomes-diff.md
    - cat outcomes-diff.md
    - |
      if [ -z "$OUTCOMES_GITLAB_TOKEN" ]; then
        echo "OUTCOMES_GITLAB_TOKEN is not set: not writing a note on the merge request"
        exit 0
      fi
      notes="$CI_API_V4_URL/projects/$CI_PROJECT_ID/merge_requests/$CI_MERGE_REQUEST_IID/notes"
      note=$(curl --fail --silent --header "PRIVATE-TOKEN: $OUTCOMES_GITLAB_TOKEN" "$notes?per_page=100&sort=asc" \
        | jq -r '[.[] | select(.body | startswith("<!-- outcomes diff -->"))][0].id // empty')
      if [ -n "$note" ]; then
        curl --fail --silent --request PUT --header "PRIVATE-TOKEN: $OUTCOMES_GITLAB_TOKEN" --data-urlencode "body@outcomes-diff.md" "$notes/$note" > /dev/null
      else
        curl --fail --silent --request POST --header "PRIVATE-TOKEN: $OUTCOMES_GITLAB_TOKEN" --data-urlencode "body@outcomes-diff.md" "$notes" > /dev/null
      fi
  artifacts:
    when: always
    paths: [outcomes-diff.md]

pages:
  image: $OUTCOMES_IMAGE
  stage: publish
  script:
    - outcomes build . --output public --base-url "$CI_PAGES_URL"
  artifacts:
    paths: [public]
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
"""#
}
