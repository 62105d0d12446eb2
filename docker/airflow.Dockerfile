# Airflow image for the equality pipeline: the official Airflow image plus the `equality` package,
# dbt-postgres and Great Expectations. Built by docker-compose.yml (context: the repository root).
#
# AIRFLOW_VERSION must equal the apache-airflow pin in pyproject.toml, so that installing the project
# never up- or downgrades the Airflow the image ships (tests/unit/test_docker_compose.py checks this).
ARG AIRFLOW_VERSION=3.3.2
ARG PYTHON_VERSION=3.11
FROM apache/airflow:${AIRFLOW_VERSION}-python${PYTHON_VERSION}

ARG AIRFLOW_VERSION
ENV EQUALITY_ROOT=/opt/equality

USER root
# The project root inside the image. dags, dbt_project, expectations, plugins and reference are
# bind-mounted over it at run time; landing and home are the extract folder and the state volume.
RUN mkdir -p /opt/equality/landing /opt/equality/home /opt/equality/dags /opt/equality/dbt_project \
        /opt/equality/expectations /opt/equality/reference /opt/equality/docker \
    && chown -R airflow:root /opt/equality \
    && chmod -R g+rwX /opt/equality
USER airflow

COPY --chown=airflow:root pyproject.toml README.md constraints.txt /opt/equality/
COPY --chown=airflow:root plugins/ /opt/equality/plugins/
COPY --chown=airflow:root docker/airflow-init.sh /opt/equality/docker/airflow-init.sh

# Editable install: the package is imported from /opt/equality/plugins, so the bind mount of
# ./plugins serves the checked-out code, and equality.config finds dbt_project/ etc. beside it.
# constraints.txt is the lock the test suite runs with, so the image runs the tested versions.
RUN pip install --no-cache-dir --constraint /opt/equality/constraints.txt \
        "apache-airflow==${AIRFLOW_VERSION}" \
        "dbt-core~=1.11.0" \
        "dbt-postgres~=1.11.0" \
        "great-expectations==1.24.1" \
        -e /opt/equality

WORKDIR /opt/equality
