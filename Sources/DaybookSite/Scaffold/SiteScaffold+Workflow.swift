extension SiteScaffold {
    /// `.github/workflows/daily.yml`: every day at 06:30 UTC (and on demand), fetch, commit the new
    /// records, build, publish. Daybook itself is built once per version and cached; the fetch cache
    /// (`.daybook-cache/`, ETag and Last-Modified) is carried from run to run.
    var workflow: String {
        let pages = s3Bucket == nil
        var text = """
            # Every day: fetch the day's papers, commit them, build the site and publish it.
            # Written by `daybook new`; edit freely (https://docs.github.com/actions).
            name: Daily papers

            on:
              schedule:
                - cron: "30 6 * * *"   # 06:30 UTC, after arXiv's announcement and Hugging Face's morning list
              workflow_dispatch:

            permissions:
              contents: write          # commit the fetched records

            """
        if pages {
            text += """
                  pages: write             # publish to GitHub Pages
                  id-token: write

                """
        }
        text += """

            concurrency:
              group: daily-papers
              cancel-in-progress: false

            env:
              DAYBOOK_SOURCE: \(daybookSource)
              DAYBOOK_VERSION: "\(daybookVersion)"

            jobs:
              update:
                runs-on: ubuntu-24.04

            """
        if pages {
            text += """
                    environment:
                      name: github-pages
                      url: ${{ steps.deployment.outputs.page_url }}

                """
        }
        text += """
                steps:
                  - uses: actions/checkout@v4

                  - name: Install libcmark-gfm
                    run: sudo apt-get update -qq && sudo apt-get install -y -qq libcmark-gfm-dev libcmark-gfm-extensions-dev

                  - name: Restore Daybook
                    id: daybook
                    uses: actions/cache@v4
                    with:
                      path: ~/.daybook
                      key: daybook-${{ env.DAYBOOK_VERSION }}-${{ runner.os }}

                  - name: Set up Swift
                    if: steps.daybook.outputs.cache-hit != 'true'
                    uses: swift-actions/setup-swift@v2
                    with:
                      swift-version: "6.1"

                  - name: Build Daybook
                    if: steps.daybook.outputs.cache-hit != 'true'
                    run: |
                      git clone --depth 1 --branch "v$DAYBOOK_VERSION" "$DAYBOOK_SOURCE" "$RUNNER_TEMP/daybook"
                      cd "$RUNNER_TEMP/daybook"
                      swift build -c release --product daybook
                      mkdir -p ~/.daybook/bin ~/.daybook/share/daybook
                      cp .build/release/daybook ~/.daybook/bin/
                      cp -R Themes ~/.daybook/share/daybook/

                  - name: Put Daybook on the PATH
                    run: echo "$HOME/.daybook/bin" >> "$GITHUB_PATH"

                  - name: Restore the fetch cache
                    uses: actions/cache@v4
                    with:
                      path: .daybook-cache
                      key: daybook-cache-${{ github.run_id }}
                      restore-keys: daybook-cache-

                  - name: Fetch the day's papers
                    run: daybook fetch

                  - name: Commit new records
                    run: |
                      git config user.name "github-actions[bot]"
                      git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
                      git add content
                      if git diff --cached --quiet; then
                        echo "No new records."
                      else
                        git commit -q -m "Papers of $(date -u +%F)"
                        git push
                      fi

                  - name: Build the site
                    run: daybook build

            """
        if pages {
            text += """
                      - name: Upload the site
                        uses: actions/upload-pages-artifact@v3
                        with:
                          path: site

                      - name: Publish to GitHub Pages
                        id: deployment
                        uses: actions/deploy-pages@v4

                """
        } else {
            text += """
                      - name: Publish to S3
                        run: daybook deploy production
                        env:
                          AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}
                          AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}

                """
        }
        return text
    }
}
